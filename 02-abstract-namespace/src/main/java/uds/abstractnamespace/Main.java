package uds.abstractnamespace;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Lesson 02 on the command line: {@code server}, {@code client}, {@code squat},
 * {@code autobind} and {@code demo}. This class only parses arguments.
 *
 * <p>Exit codes: 0 done, 1 the command failed (one line on stderr starting with "error: "),
 * 2 the command line was wrong.
 */
public final class Main {

    static final String DEFAULT_NAME = "uds-java-echo";

    static final String USAGE = """
            usage: java -jar 02-abstract-namespace.jar COMMAND [OPTIONS]

            A stream socket bound to a name in Linux's abstract namespace: no file, no permissions.

            commands:
              server [--name NAME]          serve echo on @NAME until Ctrl-C
              client [--name NAME] [--expect-user USER | --expect-uid UID] [MESSAGE...]
                                            send each MESSAGE (or each stdin line), print each reply;
                                            with --expect-*, first check who runs the server
              squat [--name NAME]           hold @NAME like an impostor: echo, and show what came in
              autobind                      let the kernel choose a name, show it, release it
              demo                          narrated tour: servers and clients as separate processes

            options:
              --name NAME        the abstract name, without the leading NUL (default: uds-java-echo);
                                 encoded in UTF-8, at most 107 bytes
              --expect-user USER refuse a server not run by USER (checked with SO_PEERCRED)
              --expect-uid UID   the same, by number
              --help             show this help

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
            System.err.println("try: java -jar 02-abstract-namespace.jar --help");
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
        String name = DEFAULT_NAME;
        ExpectedServer expected = null;
        List<String> messages = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--help", "-h" -> {
                    System.out.print(USAGE);
                    return;
                }
                case "--name" -> name = valueOf(args, ++i, "--name");
                case "--expect-user" -> expected = new ExpectedServer(uidOfUser(valueOf(args, ++i, "--expect-user")));
                case "--expect-uid" -> expected = new ExpectedServer(uid(valueOf(args, ++i, "--expect-uid")));
                default -> {
                    if (args[i].startsWith("-")) {
                        throw new UsageException("unknown option " + args[i]);
                    }
                    messages.add(args[i]);
                }
            }
        }
        boolean clientOnly = expected != null || !messages.isEmpty();
        switch (command) {
            case "--help", "-h", "help" -> System.out.print(USAGE);
            case "server", "squat" -> {
                refuse(clientOnly, command + " takes only --name");
                EchoServer.run(abstractName(name), System.out, command.equals("squat"));
            }
            case "client" -> EchoClient.run(abstractName(name), expected, messages, System.in, System.out);
            case "autobind" -> {
                refuse(args.length > 1, "autobind takes no options");
                try (Autobind socket = Autobind.listen()) {
                    System.out.println("the kernel chose " + socket.name());
                    ProcNetUnix.linesFor(socket.name()).forEach(line -> System.out.println("/proc/net/unix: " + line));
                }
            }
            case "demo" -> {
                refuse(args.length > 1, "demo takes no options");
                Demo.run(LessonJar.running(), System.out);
            }
            default -> throw new UsageException("unknown command " + command);
        }
    }

    private static AbstractName abstractName(String name) throws UsageException {
        try {
            return new AbstractName(name);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--name: " + e.getMessage());
        }
    }

    private static long uidOfUser(String user) throws UsageException {
        OptionalLong uid = UserDatabase.uidOf(user);
        if (uid.isEmpty()) {
            throw new UsageException("--expect-user: no user named " + user);
        }
        return uid.getAsLong();
    }

    private static long uid(String text) throws UsageException {
        try {
            return Integer.toUnsignedLong(Integer.parseUnsignedInt(text));
        } catch (NumberFormatException e) {
            throw new UsageException("--expect-uid takes a number from 0 to 4294967295, not " + text);
        }
    }

    private static String valueOf(String[] args, int i, String option) throws UsageException {
        if (i >= args.length) {
            throw new UsageException(option + " needs a value");
        }
        return args[i];
    }

    private static void refuse(boolean wrong, String message) throws UsageException {
        if (wrong) {
            throw new UsageException(message);
        }
    }

    private Main() {
    }
}
