package uds.seqpacket;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Lesson 04 on the command line: {@code server}, {@code client} and {@code demo}.
 * This class only parses arguments.
 *
 * <p>Exit codes: 0 done, 1 the command failed or a request was answered ERR (one line on
 * stderr starting with "error: "), 2 the command line was wrong.
 */
public final class Main {

    static final String USAGE = """
            usage: java -jar 04-seqpacket.jar COMMAND [OPTIONS]

            SOCK_SEQPACKET: a privileged update server. Each request is one datagram on a connection,
            and only the users on the allow list (checked with SO_PEERCRED) may send any.

            commands:
              server --socket PATH --config FILE [--allow-user USER]...
                                     serve requests until Ctrl-C; FILE holds key=value lines and
                                     is rewritten atomically on every change; the allow list
                                     defaults to the user running the server
              client --socket PATH REQUEST...
                                     send each REQUEST as one datagram, print each reply
              demo                   narrated tour: server and clients as separate processes

            requests and replies:
              SET key value   ->  OK
              GET key         ->  VALUE value
              DEL key         ->  OK
              anything wrong  ->  ERR reason      (keys: 1 to 64 of A-Z a-z 0-9 _ . -)

            exit codes: 0 ok, 1 failed or a request got ERR (see the error line), 2 bad command line
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
            System.err.println("try: java -jar 04-seqpacket.jar --help");
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
        Path config = null;
        Set<Long> allowed = new LinkedHashSet<>();
        List<String> requests = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--help", "-h" -> {
                    System.out.print(USAGE);
                    return;
                }
                case "--socket" -> socket = Path.of(valueOf(args, ++i, "--socket"));
                case "--config" -> config = Path.of(valueOf(args, ++i, "--config"));
                case "--allow-user" -> allowed.add(uidOf(valueOf(args, ++i, "--allow-user")));
                default -> {
                    if (args[i].startsWith("--")) {
                        throw new UsageException("unknown option " + args[i]);
                    }
                    requests.add(args[i]);
                }
            }
        }
        switch (command) {
            case "--help", "-h", "help" -> System.out.print(USAGE);
            case "server" -> {
                if (config == null || !requests.isEmpty()) {
                    throw new UsageException("server needs --socket PATH and --config FILE, and nothing else");
                }
                UpdateServer.run(required(socket), config, Set.copyOf(allowed), System.out);
            }
            case "client" -> {
                if (config != null || !allowed.isEmpty() || requests.isEmpty()) {
                    throw new UsageException("client needs --socket PATH and at least one REQUEST");
                }
                UpdateClient.run(required(socket), requests, System.out);
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

    private static long uidOf(String user) throws UsageException {
        OptionalLong uid = UserDatabase.uidOf(user);
        if (uid.isEmpty()) {
            throw new UsageException("--allow-user: no user named " + user);
        }
        return uid.getAsLong();
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
