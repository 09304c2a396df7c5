package uds.socketactivation;

import uds.socketactivation.minimal.MinimalActivatedClient;
import uds.socketactivation.minimal.MinimalActivatedServer;
import uds.support.Arguments;
import uds.support.CommandLine;
import uds.support.LessonJar;
import uds.support.Options;
import uds.support.ServerLimits;
import uds.support.UsageException;

/**
 * Lesson 07 on the command line: {@code server}, {@code client} and {@code demo}.
 * This class only parses arguments.
 */
public final class Main {

    static final String USAGE = """
            usage: java -jar 07-socket-activation.jar COMMAND [OPTIONS]

            Socket activation: the service manager owns the socket; the server inherits it.

            commands:
              minimal-server
                           the smallest activated server: greet and echo one line on
                           the socket the service manager passed at descriptor 3
              minimal-client [PATH] [MESSAGE]
                           the smallest client: print the greeting and the echo
                           (default: echo.sock here, hello)
              server [--seqpacket] [LIMITS]
                           serve the listening socket the service manager passed at
                           descriptor 3 (LISTEN_FDS, LISTEN_PID): a greeting with the
                           client's credentials, then each line echoed; serve until Ctrl-C
              server --inetd [--idle-timeout S]
                           serve the one connection at descriptor 0 (inetd style, Accept=yes)
              client --socket PATH [--seqpacket] [--] TEXT...
                           print the greeting, then send each TEXT and print its echo
              demo         narrated tour under systemd-socket-activate

            Start the server with a service manager, for example:
              systemd-socket-activate -l /tmp/echo.sock java -jar 07-socket-activation.jar server
              systemd-socket-activate -l /tmp/echo.sock --seqpacket java -jar 07-socket-activation.jar server --seqpacket
              systemd-socket-activate -l /tmp/echo.sock --inetd -a java -jar 07-socket-activation.jar server --inetd

            options:
              --socket PATH   client: the socket file the service manager created
              --seqpacket     SOCK_SEQPACKET instead of SOCK_STREAM
              --inetd         server: one connection at descriptor 0, not a listening socket at 3
              --help          show this help

            LIMITS (what one client may cost the server):
            """ + ServerLimits.USAGE + """

            exit codes: 0 ok, 1 failed or not activated (see the error line), 2 bad command line
            """;

    public static void main(String[] args) {
        new CommandLine("07-socket-activation.jar", USAGE)
                .command("minimal-server", Options.none().andOperands(),
                        arguments -> MinimalActivatedServer.main(arguments.operands().toArray(String[]::new)))
                .command("minimal-client", Options.none().andOperands(),
                        arguments -> MinimalActivatedClient.main(arguments.operands().toArray(String[]::new)))
                .command("server", Options.values("--max-connections", "--max-per-user", "--idle-timeout").andFlags("--seqpacket", "--inetd"),
                        Main::server)
                .command("client", Options.values("--socket").andFlags("--seqpacket").andOperands(),
                        arguments -> EchoClient.run(arguments.requiredPath("--socket"), arguments.flag("--seqpacket"),
                                arguments.operands(), System.out))
                .command("demo", Options.none(), arguments -> Demo.run(LessonJar.containing(Main.class), System.out))
                .main(args);
    }

    private static void server(Arguments arguments) throws Exception {
        ServerLimits limits = ServerLimits.from(arguments);
        if (arguments.flag("--inetd")) {
            if (arguments.flag("--seqpacket")) {
                throw new UsageException("--inetd serves a stream connection: give --inetd or --seqpacket, not both");
            }
            InetdServer.run(limits.idleTimeout(), System.err);
            return;
        }
        Activation activation = Activation.from(System.getenv(), ProcessHandle.current().pid());
        if (arguments.flag("--seqpacket")) {
            SeqpacketServer.run(activation, limits, System.out);
        } else {
            ActivatedServer.run(activation, limits, System.out);
        }
    }

    private Main() {
    }
}
