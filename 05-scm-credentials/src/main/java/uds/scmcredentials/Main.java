package uds.scmcredentials;

import uds.scmcredentials.minimal.MinimalCredentialsReceiver;
import uds.scmcredentials.minimal.MinimalCredentialsSender;
import uds.support.Arguments;
import uds.support.CommandLine;
import uds.support.Credentials;
import uds.support.LessonJar;
import uds.support.Options;
import uds.support.ServerLimits;
import uds.support.UsageException;

/**
 * Lesson 05 on the command line: {@code receiver}, {@code sender} and {@code demo}.
 * This class only parses arguments.
 */
public final class Main {

    static final String USAGE = """
            usage: java -jar 05-scm-credentials.jar COMMAND [OPTIONS]

            SCM_CREDENTIALS: credentials sent with each message, checked by the kernel.

            commands:
              minimal-server [PATH]  the smallest receiver: print each datagram with the
                           credentials the kernel checked (default: receiver.sock here)
              minimal-client [PATH] [TEXT]
                           the smallest sender: one datagram with its own credentials
              receiver --socket PATH [--stream] [--no-passcred] [LIMITS]
                           print one line per message: "from pid=.. uid=..(user) gid=..(group): text"
              sender --socket PATH [--stream] [--pid N] [--uid N] [--gid N] [--no-credentials] [--] TEXT...
                           send each TEXT as one message with SCM_CREDENTIALS: our own
                           credentials, or the ones claimed (the kernel refuses what we may not claim)
              demo         narrated tour: receivers and senders as separate processes

            options:
              --socket PATH       the receiver's socket file (it must not exist yet)
              --stream            a SOCK_STREAM connection instead of SOCK_DGRAM datagrams
              --no-passcred       receiver: leave SO_PASSCRED off
              --pid/--uid/--gid N sender: claim these instead of our own
              --no-credentials    sender: send no control message at all
              --help              show this help

            LIMITS (what one sender may cost a --stream receiver):
            """ + ServerLimits.USAGE + """

            exit codes: 0 ok, 1 failed (see the error line), 2 bad command line
            """;

    public static void main(String[] args) {
        new CommandLine("05-scm-credentials.jar", USAGE)
                .command("minimal-server", Options.none().andOperands(),
                        arguments -> MinimalCredentialsReceiver.main(arguments.operands().toArray(String[]::new)))
                .command("minimal-client", Options.none().andOperands(),
                        arguments -> MinimalCredentialsSender.main(arguments.operands().toArray(String[]::new)))
                .command("receiver", Options.values("--socket", "--max-connections", "--max-per-user", "--idle-timeout")
                                .andFlags("--stream", "--no-passcred"),
                        arguments -> Receiver.run(arguments.requiredPath("--socket"), arguments.flag("--stream"),
                                !arguments.flag("--no-passcred"), ServerLimits.from(arguments), System.out))
                .command("sender", Options.values("--socket", "--pid", "--uid", "--gid")
                        .andFlags("--stream", "--no-credentials").andOperands(), Main::sender)
                .command("demo", Options.none(), arguments -> Demo.run(LessonJar.containing(Main.class), System.out))
                .main(args);
    }

    private static void sender(Arguments arguments) throws Exception {
        if (arguments.operands().isEmpty()) {
            throw new UsageException("sender needs at least one TEXT");
        }
        Credentials own = Credentials.own();
        Credentials claimed = new Credentials(
                number(arguments, "--pid", own.pid()), number(arguments, "--uid", own.uid()), number(arguments, "--gid", own.gid()));
        Sender.run(arguments.requiredPath("--socket"), arguments.flag("--stream"),
                arguments.flag("--no-credentials") ? null : claimed, arguments.operands());
    }

    private static long number(Arguments arguments, String option, long otherwise) throws UsageException {
        return arguments.value(option).isPresent() ? Arguments.id(option, arguments.value(option).get()) : otherwise;
    }

    private Main() {
    }
}
