package uds.scmcredentials;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Lesson 05 on the command line: {@code receiver}, {@code sender} and {@code demo}.
 * This class only parses arguments.
 *
 * <p>Exit codes: 0 done, 1 the command failed (one line on stderr starting with "error: "),
 * 2 the command line was wrong.
 */
public final class Main {

    static final String USAGE = """
            usage: java -jar 05-scm-credentials.jar COMMAND [OPTIONS]

            SCM_CREDENTIALS: credentials sent with each message, checked by the kernel.

            commands:
              receiver --socket PATH [--stream] [--no-passcred]
                           print one line per message: "from pid=.. uid=..(user) gid=..(group): text"
              sender --socket PATH [--stream] [--pid N] [--uid N] [--gid N] [--no-credentials] TEXT...
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

            exit codes: 0 ok, 1 failed (see the error line), 2 bad command line
            """;

    /** A wrong command line: reported with the usage hint, exit code 2. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    public static void main(String[] args) {
        try {
            run(args);
        } catch (UsageException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println("try: java -jar 05-scm-credentials.jar --help");
            System.exit(2);
        } catch (IOException | InterruptedException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }

    static void run(String[] args) throws UsageException, IOException, InterruptedException {
        if (args.length == 0) {
            throw new UsageException("no command given");
        }
        String command = args[0];
        Path socket = null;
        boolean stream = false;
        boolean passCredentials = true;
        boolean sendCredentials = true;
        Credentials own = Credentials.own();
        long pid = own.pid();
        long uid = own.uid();
        long gid = own.gid();
        boolean senderOptions = false;
        List<String> texts = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--help", "-h" -> {
                    System.out.print(USAGE);
                    return;
                }
                case "--socket" -> socket = Path.of(valueOf(args, ++i, "--socket"));
                case "--stream" -> stream = true;
                case "--no-passcred" -> passCredentials = false;
                case "--no-credentials" -> {
                    sendCredentials = false;
                    senderOptions = true;
                }
                case "--pid" -> {
                    pid = number(valueOf(args, ++i, "--pid"), "--pid");
                    senderOptions = true;
                }
                case "--uid" -> {
                    uid = number(valueOf(args, ++i, "--uid"), "--uid");
                    senderOptions = true;
                }
                case "--gid" -> {
                    gid = number(valueOf(args, ++i, "--gid"), "--gid");
                    senderOptions = true;
                }
                default -> {
                    if (args[i].startsWith("--")) {
                        throw new UsageException("unknown option " + args[i]);
                    }
                    texts.add(args[i]);
                }
            }
        }
        switch (command) {
            case "--help", "-h", "help" -> System.out.print(USAGE);
            case "receiver" -> {
                if (senderOptions || !texts.isEmpty()) {
                    throw new UsageException("receiver takes --socket, --stream and --no-passcred only");
                }
                Receiver.run(required(socket), stream, passCredentials, System.out);
            }
            case "sender" -> {
                if (!passCredentials || texts.isEmpty()) {
                    throw new UsageException("sender needs --socket PATH and at least one TEXT");
                }
                Sender.run(required(socket), stream, sendCredentials ? new Credentials(pid, uid, gid) : null, texts);
            }
            case "demo" -> {
                if (args.length > 1) {
                    throw new UsageException("demo takes no options");
                }
                Demo.run(LessonJar.running(), System.out);
            }
            default -> throw new UsageException("unknown command " + command);
        }
    }

    private static Path required(Path socket) throws UsageException {
        if (socket == null) {
            throw new UsageException("--socket PATH is required");
        }
        return socket;
    }

    private static long number(String text, String option) throws UsageException {
        try {
            return Integer.toUnsignedLong(Integer.parseUnsignedInt(text));
        } catch (NumberFormatException e) {
            throw new UsageException(option + " takes a number from 0 to 4294967295, not " + text);
        }
    }

    private static String valueOf(String[] args, int i, String option) throws UsageException {
        if (i >= args.length) {
            throw new UsageException(option + " needs a value");
        }
        return args[i];
    }

    private Main() {
    }
}
