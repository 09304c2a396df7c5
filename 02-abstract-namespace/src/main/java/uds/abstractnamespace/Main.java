package uds.abstractnamespace;

import uds.abstractnamespace.minimal.MinimalAbstractClient;
import uds.abstractnamespace.minimal.MinimalAbstractServer;
import uds.support.Arguments;
import uds.support.CommandLine;
import uds.support.ExpectedServer;
import uds.support.LessonJar;
import uds.support.Options;
import uds.support.ServerLimits;
import uds.support.UsageException;

/**
 * Lesson 02 on the command line: {@code server}, {@code client}, {@code squat},
 * {@code autobind} and {@code demo}. This class only parses arguments.
 */
public final class Main {

    static final String DEFAULT_NAME = "uds-java-echo";

    static final String USAGE = """
            usage: java -jar 02-abstract-namespace.jar COMMAND [OPTIONS]

            A stream socket bound to a name in Linux's abstract namespace: no file, no permissions.

            commands:
              minimal-server [NAME]         the smallest server: echo one line per
                                            client on @NAME (default: uds-minimal-echo)
              minimal-client [NAME] [MESSAGE]
                                            the smallest client: send MESSAGE
                                            (default: hello), print the reply
              server [--name NAME] [LIMITS] serve echo on @NAME until Ctrl-C
              client [--name NAME] [--expect-user USER | --expect-uid UID] [--] [MESSAGE...]
                                            send each MESSAGE (or each stdin line), print each reply;
                                            with --expect-*, first check who runs the server
              squat [--name NAME] [LIMITS]  hold @NAME like an impostor: echo, and show what came in
              autobind                      let the kernel choose a name, show it, release it
              demo                          narrated tour: servers and clients as separate processes

            options:
              --name NAME        the abstract name, without the leading NUL (default: uds-java-echo);
                                 encoded in UTF-8, at most 107 bytes
            """ + ExpectedServer.USAGE + """
              --                 what follows is messages, even if it starts with a dash
              --help             show this help

            LIMITS (what one client may cost the server; anyone may connect to an abstract name):
            """ + ServerLimits.USAGE + """
              lines longer than 65536 bytes are refused with an error line, and the connection closed

            exit codes: 0 ok, 1 failed (see the error line), 2 bad command line
            """;

    public static void main(String[] args) {
        new CommandLine("02-abstract-namespace.jar", USAGE)
                .command("minimal-server", Options.none().andOperands(),
                        arguments -> MinimalAbstractServer.main(arguments.operands().toArray(String[]::new)))
                .command("minimal-client", Options.none().andOperands(),
                        arguments -> MinimalAbstractClient.main(arguments.operands().toArray(String[]::new)))
                .command("server", Options.values("--name", "--max-connections", "--max-per-user", "--idle-timeout"),
                        arguments -> EchoServer.run(name(arguments), ServerLimits.from(arguments), System.out, false))
                .command("squat", Options.values("--name", "--max-connections", "--max-per-user", "--idle-timeout"),
                        arguments -> EchoServer.run(name(arguments), ServerLimits.from(arguments), System.out, true))
                .command("client", Options.values("--name", "--expect-user", "--expect-uid").andOperands(), Main::client)
                .command("autobind", Options.none(), arguments -> autobind())
                .command("demo", Options.none(), arguments -> Demo.run(LessonJar.containing(Main.class), System.out))
                .main(args);
    }

    private static void client(Arguments arguments) throws Exception {
        EchoClient.run(name(arguments), ExpectedServer.from(arguments).orElse(null), arguments.operands(),
                System.in, System.out);
    }

    private static void autobind() throws Exception {
        try (Autobind socket = Autobind.listen()) {
            System.out.println("the kernel chose " + socket.name());
            ProcNetUnix.linesFor(socket.name()).forEach(line -> System.out.println("/proc/net/unix: " + line));
        }
    }

    private static AbstractName name(Arguments arguments) throws UsageException {
        try {
            return new AbstractName(arguments.value("--name").orElse(DEFAULT_NAME));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--name: " + e.getMessage());
        }
    }

    private Main() {
    }
}
