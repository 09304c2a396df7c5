package uds.peercred;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Lesson 03 on the command line: {@code server}, {@code client} and {@code demo}.
 * This class only parses arguments.
 *
 * <p>Exit codes: 0 done, 1 the command failed (one line on stderr starting with "error: "),
 * 2 the command line was wrong.
 */
public final class Main {

    static final String USAGE = """
            usage: java -jar 03-peercred.jar COMMAND [OPTIONS]

            SO_PEERCRED: the kernel tells a server the pid, uid and gid of the process that connected.

            commands:
              server --socket PATH [--allow-user USER]... [--allow-group GROUP]...
                                     answer each connection with one line,
                                     "peer pid=.. uid=..(user) gid=..(group)", or "denied uid=..(user)"
                                     for a peer on neither list; serve until Ctrl-C
              client --socket PATH   connect, print the server's answer, then the server's own
                                     user and group as the client sees them
              demo                   narrated tour: servers and clients as separate processes

            options:
              --socket PATH        the socket file (it must not exist yet)
              --allow-user USER    admit this user (name or uid); may be repeated
              --allow-group GROUP  admit peers whose group is GROUP (name or gid); may be repeated
              --help               show this help

            exit codes: 0 ok, 1 failed or denied (see the error line), 2 bad command line
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
            System.err.println("try: java -jar 03-peercred.jar --help");
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
        Set<Long> uids = new LinkedHashSet<>();
        Set<Long> gids = new LinkedHashSet<>();
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--help", "-h" -> {
                    System.out.print(USAGE);
                    return;
                }
                case "--socket" -> socket = Path.of(valueOf(args, ++i, "--socket"));
                case "--allow-user" -> {
                    String user = valueOf(args, ++i, "--allow-user");
                    uids.add(id(user, UserDatabase.uidOf(user), "user"));
                }
                case "--allow-group" -> {
                    String group = valueOf(args, ++i, "--allow-group");
                    gids.add(id(group, UserDatabase.gidOf(group), "group"));
                }
                default -> throw new UsageException("unexpected argument " + args[i]);
            }
        }
        switch (command) {
            case "--help", "-h", "help" -> System.out.print(USAGE);
            case "server" -> PeerCredServer.run(required(socket), new AllowList(Set.copyOf(uids), Set.copyOf(gids)), System.out);
            case "client" -> {
                if (!uids.isEmpty() || !gids.isEmpty()) {
                    throw new UsageException("--allow-user and --allow-group are server options");
                }
                PeerCredClient.run(required(socket), System.out);
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

    /** A user or group by name, or by number (which need not exist in the database). */
    private static long id(String text, OptionalLong byName, String kind) throws UsageException {
        if (byName.isPresent()) {
            return byName.getAsLong();
        }
        try {
            return Integer.toUnsignedLong(Integer.parseUnsignedInt(text));
        } catch (NumberFormatException e) {
            throw new UsageException("no " + kind + " named " + text);
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
