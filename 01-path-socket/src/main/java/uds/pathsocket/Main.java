package uds.pathsocket;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Lesson 01 on the command line: {@code server}, {@code client} and {@code demo}.
 * This class only parses arguments; each command lives in its own class.
 *
 * <p>Exit codes: 0 done, 1 the command failed (one line on stderr starting with "error: "),
 * 2 the command line was wrong.
 */
public final class Main {

    static final String USAGE = """
            usage: java -jar 01-path-socket.jar COMMAND [OPTIONS]

            A stream socket bound to a file in the filesystem.

            commands:
              server [--socket PATH] [--mode OCTAL]   serve echo on PATH until Ctrl-C
              client [--socket PATH] [--jdk] [MESSAGE...]
                                                      send each MESSAGE (or each stdin line),
                                                      print each reply
              demo                                    narrated tour: servers and clients as
                                                      separate processes

            options:
              --socket PATH   the socket file (default: echo.sock in a private 0700 directory,
                              $XDG_RUNTIME_DIR/uds-java or /tmp/uds-java-UID)
              --mode OCTAL    chmod the socket file after bind, e.g. 0600 or 0666
              --jdk           connect with the JDK's UnixDomainSocketAddress, not junixsocket
              --help          show this help

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
            System.err.println("try: java -jar 01-path-socket.jar --help");
            System.exit(2);
        } catch (IOException | IllegalArgumentException | InterruptedException e) {
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
        Integer mode = null;
        boolean jdk = false;
        List<String> messages = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--help", "-h" -> {
                    System.out.print(USAGE);
                    return;
                }
                case "--socket" -> socket = Path.of(valueOf(args, ++i, "--socket"));
                case "--mode" -> mode = octal(valueOf(args, ++i, "--mode"));
                case "--jdk" -> jdk = true;
                default -> {
                    if (args[i].startsWith("-")) {
                        throw new UsageException("unknown option " + args[i]);
                    }
                    messages.add(args[i]);
                }
            }
        }
        switch (command) {
            case "--help", "-h", "help" -> System.out.print(USAGE);
            case "server" -> {
                refuse(!messages.isEmpty() || jdk, "server takes only --socket and --mode");
                EchoServer.run(socket != null ? socket : PrivateDirectory.defaultSocket(), mode, System.out);
            }
            case "client" -> {
                refuse(mode != null, "--mode is a server option");
                Path path = socket != null ? socket : PrivateDirectory.defaultSocket();
                if (jdk) {
                    JdkEchoClient.run(path, messages, System.in, System.out);
                } else {
                    EchoClient.run(path, messages, System.in, System.out);
                }
            }
            case "demo" -> {
                refuse(args.length > 1, "demo takes no options");
                Demo.run(LessonJar.running(), System.out);
            }
            default -> throw new UsageException("unknown command " + command);
        }
    }

    private static String valueOf(String[] args, int i, String option) throws UsageException {
        if (i >= args.length) {
            throw new UsageException(option + " needs a value");
        }
        return args[i];
    }

    private static int octal(String text) throws UsageException {
        try {
            int mode = Integer.parseInt(text, 8);
            if (mode < 0 || mode > 0777) {
                throw new NumberFormatException();
            }
            return mode;
        } catch (NumberFormatException e) {
            throw new UsageException("--mode takes an octal mode from 0000 to 0777, not " + text);
        }
    }

    private static void refuse(boolean wrong, String message) throws UsageException {
        if (wrong) {
            throw new UsageException(message);
        }
    }

    private Main() {
    }
}
