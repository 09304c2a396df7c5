package uds.scmcredentials;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The narrated tour of lesson 05: receivers and senders as separate JVMs; as root, senders
 * also run as nobody, and root claims the credentials of another process.
 */
final class Demo {

    private final LessonJar jar;
    private final PrintStream out;
    private final List<ServerProcess> started = new ArrayList<>();

    private Demo(LessonJar jar, PrintStream out) {
        this.jar = jar;
        this.out = out;
    }

    static void run(LessonJar jar, PrintStream out) throws IOException, InterruptedException {
        boolean root = Credentials.own().uid() == 0;
        Path dir = Files.createTempDirectory("uds-scm-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x")); // others reach the socket
        LessonJar readable = root ? jar.readableCopy(dir) : jar;
        Demo demo = new Demo(readable, out);
        try {
            demo.tour(dir, root);
        } finally {
            for (ServerProcess receiver : demo.started) {
                receiver.close();
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private void tour(Path dir, boolean root) throws IOException, InterruptedException {
        String socket = dir.resolve("receiver.sock").toString();
        List<String> asNobody = List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups");
        out.println("== 05-scm-credentials: credentials with every message, checked by the kernel");

        step("1. A datagram receiver with SO_PASSCRED; a sender attaches SCM_CREDENTIALS to its datagram.",
                "Datagrams have no connection, so no SO_PEERCRED: the credentials come with each message.");
        ServerProcess receiver = startReceiver("receiver", "--socket", socket);
        await(receiver, "receiving on");
        run(List.of(), "sender", "--socket", socket, "hello");
        await(receiver, "hello");

        step("2. A sender that sends no credentials gets them attached anyway: the receiver asked (SO_PASSCRED).", null);
        run(List.of(), "sender", "--socket", socket, "--no-credentials", "nothing attached");
        await(receiver, "nothing attached");

        step("3. Claiming someone else's credentials: the kernel checks every claim.",
                root ? null : "(Run the tour as root to see a privileged claim accepted.)");
        if (root) {
            run(asNobody, "sender", "--socket", socket, "from nobody");
            await(receiver, "from nobody");
            run(asNobody, "sender", "--socket", socket, "--uid", "0", "nobody claims root");
            long receiverPid = receiver.pid();
            out.println("   root may speak for another process that exists, here the receiver itself (pid " + receiverPid + "):");
            run(List.of(), "sender", "--socket", socket, "--pid", Long.toString(receiverPid), "root claims another pid");
            await(receiver, "root claims another pid");
            run(List.of(), "sender", "--socket", socket, "--pid", "2147483647", "a pid nobody has");
        } else {
            run(List.of(), "sender", "--socket", socket, "--uid", "0", "I claim to be root");
        }
        stop(receiver);

        step("4. Without SO_PASSCRED the receiver gets no control message at all, even when one was sent.", null);
        receiver = startReceiver("receiver", "--socket", socket, "--no-passcred");
        await(receiver, "receiving on");
        run(List.of(), "sender", "--socket", socket, "sent with credentials");
        await(receiver, "sent with credentials");
        stop(receiver);

        step("5. On a stream: SO_PEERCRED tells who connected, SCM_CREDENTIALS who sent each message.",
                root ? "The second time, root sends as the receiver's pid: SO_PEERCRED still names the real sender." : null);
        receiver = startReceiver("receiver", "--socket", socket, "--stream");
        await(receiver, "receiving on");
        run(List.of(), "sender", "--socket", socket, "--stream", "first message");
        await(receiver, "disconnected");
        if (root) {
            run(List.of(), "sender", "--socket", socket, "--stream", "--pid", Long.toString(receiver.pid()), "claimed pid");
            await(receiver, "disconnected");
        }
        stop(receiver);
        out.println();
    }

    private void stop(ServerProcess receiver) throws InterruptedException {
        out.println("$ kill -TERM " + receiver.pid());
        receiver.terminate();
    }

    private void step(String title, String detail) {
        out.println();
        out.println("-- " + title);
        if (detail != null) {
            out.println("   " + detail);
        }
    }

    /** Runs one sender to its end, showing what it prints and how it exits. */
    private void run(List<String> prefix, String... args) throws IOException, InterruptedException {
        out.println("$ " + commandLine(prefix, args));
        Process process = new ProcessBuilder(Stream.concat(prefix.stream(), jar.command(args).stream()).toList())
                .redirectErrorStream(true).start();
        process.getOutputStream().close();
        try (BufferedReader lines = process.inputReader(StandardCharsets.UTF_8)) {
            lines.lines().forEach(line -> out.println("  sender | " + line));
        }
        int exit = process.waitFor();
        if (exit != 0) {
            out.println("  (exit " + exit + ")");
        }
    }

    private ServerProcess startReceiver(String... args) throws IOException {
        out.println("$ " + commandLine(List.of(), args) + " &");
        ServerProcess receiver = ServerProcess.start(jar.command(args));
        started.add(receiver);
        return receiver;
    }

    private void await(ServerProcess receiver, String text) throws IOException, InterruptedException {
        receiver.await(text).forEach(line -> out.println("  receiver | " + line));
    }

    private static String commandLine(List<String> prefix, String... args) {
        StringBuilder line = new StringBuilder();
        prefix.forEach(word -> line.append(word).append(' '));
        line.append("java -jar 05-scm-credentials.jar");
        for (String arg : args) {
            line.append(' ').append(arg.contains(" ") ? "'" + arg + "'" : arg);
        }
        return line.toString();
    }
}
