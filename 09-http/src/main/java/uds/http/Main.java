package uds.http;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import uds.http.minimal.MinimalHttpClient;
import uds.http.minimal.MinimalHttpServer;
import uds.support.Arguments;
import uds.support.CommandLine;
import uds.support.LessonJar;
import uds.support.Options;
import uds.support.UsageException;

/**
 * Lesson 09 on the command line: the smallest programs, {@code server} and {@code client}.
 * This class only parses arguments.
 */
public final class Main {

    static final String USAGE = """
            usage: java -jar 09-http.jar COMMAND [OPTIONS]

            HTTP over a Unix socket: a local agent whose API knows who calls (SO_PEERCRED),
            served by Jetty 12; clients by hand over the JDK's SocketChannel, and libraries.

            commands:
              minimal-server [PATH]  the smallest server: Jetty, one answer for every request
                                     (default: http.sock here)
              minimal-client [PATH] [TARGET]
                                     the smallest client: GET TARGET (default: /), print the
                                     whole answer
              server --socket PATH [--mode OCTAL] [--admin-user USER]...
                                     serve the agent's API until Ctrl-C: GET /v1/version,
                                     /v1/whoami, /v1/notes, /v1/events; GET, PUT, DELETE
                                     /v1/notes/NAME. Anyone who can connect reads; writing is
                                     for the server's user and each USER. --mode: the socket
                                     file's mode (default 0666: any local user may call)
              client --docker PATH version|volumes|events|create-volume NAME|remove-volume NAME
                                     the Docker Engine API on PATH (Podman's, or Docker's own):
                                     the engine's version; list, create or remove a volume;
                                     follow volume events until Ctrl-C
              client --socket PATH [--via CLIENT] METHOD TARGET [BODY]
                                     one request; print the answer's body. CLIENT: jdk (HTTP/1.1
                                     by hand over SocketChannel, the default), jetty (Jetty's
                                     HttpClient), apache (Apache HttpClient 5), okhttp (OkHttp
                                     with junixsocket's socket factory)

              demo                   narrated tour: the agent and its callers as separate processes

            exit codes: 0 ok, 1 failed or an answer of 400 or more (see the error line),
            2 bad command line
            """;

    public static void main(String[] args) {
        new CommandLine("09-http.jar", USAGE)
                .command("minimal-server", Options.none().andOperands(),
                        arguments -> MinimalHttpServer.main(arguments.operands().toArray(String[]::new)))
                .command("minimal-client", Options.none().andOperands(),
                        arguments -> MinimalHttpClient.main(arguments.operands().toArray(String[]::new)))
                .command("server", Options.values("--socket", "--mode", "--admin-user"), Main::server)
                .command("client", Options.values("--socket", "--via", "--docker").andOperands(), Main::client)
                .command("demo", Options.none(), arguments -> Demo.run(LessonJar.containing(Main.class), System.out))
                .main(args);
    }

    private static void server(Arguments arguments) throws Exception {
        Set<Long> admins = new HashSet<>();
        for (String user : arguments.values("--admin-user")) {
            admins.add(Arguments.user("--admin-user", user));
        }
        AgentServer.run(arguments.requiredPath("--socket"), arguments.mode("--mode").orElse(0666), admins, System.out);
    }

    private static void client(Arguments arguments) throws Exception {
        List<String> operands = arguments.operands();
        if (arguments.value("--docker").isPresent()) {
            docker(arguments.requiredPath("--docker"), operands);
            return;
        }
        if (operands.size() < 2 || operands.size() > 3) {
            throw new UsageException("client takes METHOD TARGET [BODY]");
        }
        String method = operands.get(0).toUpperCase(Locale.ROOT);
        if (!method.matches("GET|PUT|DELETE|POST|HEAD")) {
            throw new UsageException("METHOD is GET, PUT, DELETE, POST or HEAD, not " + operands.get(0));
        }
        String target = operands.get(1);
        if (!target.matches("/[\\x21-\\x7e]*")) {
            throw new UsageException("TARGET is a path starting with /, in visible ASCII (percent-encode the rest)");
        }
        ClientCommand.Via via;
        try {
            via = ClientCommand.Via.valueOf(arguments.value("--via").orElse("jdk").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--via takes jdk, jetty, apache or okhttp, not " + arguments.value("--via").orElse(""));
        }
        ClientCommand.run(arguments.requiredPath("--socket"), via, method, target,
                operands.size() == 3 ? operands.get(2) : null, System.out);
    }

    private static void docker(Path socket, List<String> operands) throws Exception {
        String action = operands.isEmpty() ? "" : operands.getFirst();
        int names = switch (action) {
            case "version", "volumes", "events" -> 0;
            case "create-volume", "remove-volume" -> 1;
            default -> throw new UsageException("--docker takes version, volumes, events, create-volume NAME"
                    + " or remove-volume NAME");
        };
        if (operands.size() != 1 + names) {
            throw new UsageException(action + (names == 0 ? " takes no NAME" : " takes one NAME"));
        }
        if (names == 1 && !operands.get(1).matches("[a-zA-Z0-9][a-zA-Z0-9_.-]*")) {
            throw new UsageException("a volume's NAME is letters, digits, _ . and -, starting with a letter or digit");
        }
        DockerApi.run(socket, action, operands.subList(1, operands.size()), System.out);
    }

    private Main() {
    }
}
