package uds.datagram;

import java.nio.charset.StandardCharsets;

import uds.datagram.minimal.MinimalLogClient;
import uds.datagram.minimal.MinimalLogServer;
import uds.support.Arguments;
import uds.support.CommandLine;
import uds.support.LessonJar;
import uds.support.Options;
import uds.support.UsageException;

/**
 * Lesson 08 on the command line: {@code server}, {@code client} and the smallest programs.
 * This class only parses arguments.
 */
public final class Main {

    static final String USAGE = """
            usage: java -jar 08-datagram.jar COMMAND [OPTIONS]

            SOCK_DGRAM: a local log service; and socketpair, handed to a child process. Any process may send it a line, one datagram per
            line; the service logs who sent it, as the kernel says (SO_PASSCRED).

            commands:
              minimal-server [PATH]  the smallest server: print each datagram as one line
                                     (default: log.sock here)
              minimal-client [PATH] [MESSAGE...]
                                     the smallest client: send each MESSAGE as one datagram
              server --socket PATH [--log FILE]
                                     receive until Ctrl-C; one log line per datagram, with the
                                     sender's pid, uid and gid; answer OK n to a sender that has
                                     an address. FILE is appended to (created 0600, never
                                     through a symlink); without it, lines go to standard output
              client --socket PATH [--reply] [--] TEXT...
                                     send each TEXT as one datagram; with --reply, bind an
                                     address first (autobind) and print each answer
              pair [TEXT]            socketpair: start a child JVM with one end as its standard
                                     input, send it TEXT (default: hello), print its echo
              pair-child             the child that pair starts: echo what descriptor 0 sends
              demo                   narrated tour: server and clients as separate processes

            exit codes: 0 ok, 1 failed (see the error line), 2 bad command line
            """;

    public static void main(String[] args) {
        new CommandLine("08-datagram.jar", USAGE)
                .command("minimal-server", Options.none().andOperands(),
                        arguments -> MinimalLogServer.main(arguments.operands().toArray(String[]::new)))
                .command("minimal-client", Options.none().andOperands(),
                        arguments -> MinimalLogClient.main(arguments.operands().toArray(String[]::new)))
                .command("server", Options.values("--socket", "--log"), Main::server)
                .command("client", Options.values("--socket").andFlags("--reply").andOperands(), Main::client)
                .command("pair", Options.none().andOperands(), Main::pair)
                .command("pair-child", Options.none(), arguments -> InheritedEcho.run(System.out))
                .command("demo", Options.none(), arguments -> Demo.run(LessonJar.containing(Main.class), System.out))
                .main(args);
    }

    private static void server(Arguments arguments) throws Exception {
        LogServer.run(arguments.requiredPath("--socket"), arguments.path("--log").orElse(null), System.out);
    }

    private static void client(Arguments arguments) throws Exception {
        if (arguments.operands().isEmpty()) {
            throw new UsageException("client needs at least one TEXT");
        }
        LogClient.run(arguments.requiredPath("--socket"), arguments.flag("--reply"), arguments.operands(), System.out);
    }

    private static void pair(Arguments arguments) throws Exception {
        if (arguments.operands().size() > 1) {
            throw new UsageException("pair takes one TEXT (quote it to send spaces)");
        }
        String text = arguments.operands().stream().findFirst().orElse("hello");
        int length = text.getBytes(StandardCharsets.UTF_8).length;
        if (length > SocketPairToChild.MAX_TEXT) {
            throw new UsageException("TEXT is " + length + " bytes; at most " + SocketPairToChild.MAX_TEXT);
        }
        SocketPairToChild.run(LessonJar.containing(Main.class), text, System.out);
    }

    private Main() {
    }
}
