package uds.pathsocket;

import java.nio.file.Path;

import uds.pathsocket.minimal.MinimalEchoClient;
import uds.pathsocket.minimal.MinimalEchoServer;
import uds.support.Arguments;
import uds.support.CommandLine;
import uds.support.LessonJar;
import uds.support.Options;
import uds.support.ServerLimits;

/**
 * Lesson 01 on the command line: {@code minimal-server} and {@code minimal-client} (the
 * smallest programs), {@code server}, {@code client} and {@code demo}.
 * This class only parses arguments; each command lives in its own class.
 */
public final class Main {

    static final String USAGE = """
            usage: java -jar 01-path-socket.jar COMMAND [OPTIONS]

            A stream socket bound to a file in the filesystem.

            commands:
              minimal-server [PATH]                   the smallest server: echo one line per
                                                      client on PATH (default: echo.sock here)
              minimal-client [PATH] [MESSAGE]         the smallest client: send MESSAGE
                                                      (default: hello), print the reply
              server [--socket PATH] [--mode OCTAL] [LIMITS]
                                                      serve echo on PATH until Ctrl-C
              client [--socket PATH] [--jdk] [--] [MESSAGE...]
                                                      send each MESSAGE (or each stdin line),
                                                      print each reply
              demo                                    narrated tour: servers and clients as
                                                      separate processes

            options:
              --socket PATH   the socket file (default: echo.sock in a private 0700 directory,
                              $XDG_RUNTIME_DIR/uds-java or /tmp/uds-java-UID)
              --mode OCTAL    chmod the socket file after bind, e.g. 0600 or 0666
              --jdk           connect with the JDK's UnixDomainSocketAddress, not junixsocket
              --              what follows is messages, even if it starts with a dash
              --help          show this help

            LIMITS (what one client may cost the server):
            """ + ServerLimits.USAGE + """
              lines longer than 65536 bytes are refused with an error line, and the connection closed

            exit codes: 0 ok, 1 failed (see the error line), 2 bad command line
            """;

    public static void main(String[] args) {
        new CommandLine("01-path-socket.jar", USAGE)
                .command("minimal-server", Options.none().andOperands(),
                        arguments -> MinimalEchoServer.main(arguments.operands().toArray(String[]::new)))
                .command("minimal-client", Options.none().andOperands(),
                        arguments -> MinimalEchoClient.main(arguments.operands().toArray(String[]::new)))
                .command("server", Options.values("--socket", "--mode", "--max-connections", "--max-per-user", "--idle-timeout"), Main::server)
                .command("client", Options.values("--socket").andFlags("--jdk").andOperands(), Main::client)
                .command("demo", Options.none(), arguments -> Demo.run(LessonJar.containing(Main.class), System.out))
                .main(args);
    }

    private static void server(Arguments arguments) throws Exception {
        Integer mode = arguments.mode("--mode").orElse(null);
        EchoServer.run(socket(arguments), mode, ServerLimits.from(arguments), System.out);
    }

    private static void client(Arguments arguments) throws Exception {
        if (arguments.flag("--jdk")) {
            JdkEchoClient.run(socket(arguments), arguments.operands(), System.in, System.out);
        } else {
            EchoClient.run(socket(arguments), arguments.operands(), System.in, System.out);
        }
    }

    private static Path socket(Arguments arguments) throws Exception {
        return arguments.path("--socket").isPresent() ? arguments.path("--socket").get() : PrivateDirectory.defaultSocket();
    }

    private Main() {
    }
}
