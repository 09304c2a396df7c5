package uds.pathsocket;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The narrated tour of lesson 01: every server and client is a separate JVM started from this
 * lesson's jar, exactly as a learner would start them in two terminals.
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
        Path dir = Files.createTempDirectory("uds-demo-"); // mode 0700, like the default directory
        Demo demo = new Demo(jar, out);
        try {
            demo.tour(dir, dir.resolve("echo.sock"));
        } finally {
            for (ServerProcess server : demo.started) {
                server.close(); // a tour that failed half-way leaves no server behind
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private void tour(Path dir, Path socket) throws IOException, InterruptedException {
        out.println("== 01-path-socket: a socket file in the filesystem");

        step("1. A server binds a socket file and chmods it to 0600.",
                dir + " is a private directory (mode " + modeOf(dir) + ").");
        ServerProcess server = startServer("--socket", socket.toString(), "--mode", "0600");
        await(server, "listening on");
        out.println("   the file: " + describe(socket));

        step("2. Two clients talk to it: junixsocket, then the JDK's own UnixDomainSocketAddress.", null);
        run("client", "client", "--socket", socket.toString(), "hello", "grüß dich");
        await(server, "closed");
        run("client", "client", "--jdk", "--socket", socket.toString(), "same server, other library");
        await(server, "closed");

        step("3. A second server on the same path is refused by the lock; the first keeps serving.",
                "(junixsocket's default, reuse-address on, would have taken the path silently.)");
        run("second server", "server", "--socket", socket.toString());
        run("client", "client", "--socket", socket.toString(), "still here?");
        await(server, "closed");

        step("4. kill -9: no code runs, so the socket file and its lock stay behind.", null);
        out.println("$ kill -KILL " + server.pid());
        server.kill();
        out.println("   the file: " + describe(socket));
        out.println("   the lock: " + describe(StaleSocketGuard.lockPathOf(socket)));
        run("client", "client", "--socket", socket.toString(), "anyone?");

        step("5. The next server finds the file stale (nobody answers a connect), removes it, binds.",
                "Without --mode the file keeps the mode junixsocket's bind gave it: 0666, whatever the umask.");
        server = startServer("--socket", socket.toString());
        await(server, "listening on");

        step("6. SIGTERM: the shutdown hook closes the socket and removes the file.", null);
        out.println("$ kill -TERM " + server.pid());
        server.terminate();
        await(server, "removed");
        out.println("   the file: " + describe(socket));

        step("7. A regular file in the way is never deleted.", null);
        Files.writeString(socket, "precious data\n");
        run("server", "server", "--socket", socket.toString());
        out.println("   the file: " + describe(socket) + ", still holding: " + Files.readString(socket).strip());
        Files.delete(socket);

        step("8. sun_path holds 108 bytes with the NUL: a longer path is refused before any syscall.", null);
        run("server", "server", "--socket", dir.resolve("x".repeat(100) + ".sock").toString());
        out.println();
    }

    private void step(String title, String detail) {
        out.println();
        out.println("-- " + title);
        if (detail != null) {
            out.println("   " + detail);
        }
    }

    /** Runs one command to its end, showing what it prints and how it exits. */
    private void run(String label, String... args) throws IOException, InterruptedException {
        out.println("$ " + commandLine(args));
        Process process = new ProcessBuilder(jar.command(args)).redirectErrorStream(true).start();
        process.getOutputStream().close();
        try (BufferedReader lines = process.inputReader(StandardCharsets.UTF_8)) {
            lines.lines().forEach(line -> out.println("  " + label + " | " + line));
        }
        int exit = process.waitFor();
        if (exit != 0) {
            out.println("  (exit " + exit + ")");
        }
    }

    private ServerProcess startServer(String... options) throws IOException {
        String[] args = Stream.concat(Stream.of("server"), Stream.of(options)).toArray(String[]::new);
        out.println("$ " + commandLine(args) + " &");
        ServerProcess server = ServerProcess.start(jar.command(args));
        started.add(server);
        return server;
    }

    /** Shows what the background server printed, up to the line we wait for. */
    private void await(ServerProcess server, String text) throws IOException, InterruptedException {
        server.await(text).forEach(line -> out.println("  server | " + line));
    }

    private static String commandLine(String... args) {
        StringBuilder line = new StringBuilder("java -jar 01-path-socket.jar");
        for (String arg : args) {
            line.append(' ').append(arg.contains(" ") ? "'" + arg + "'" : arg);
        }
        return line.toString();
    }

    private static String describe(Path file) throws IOException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return file.getFileName() + " is gone";
        }
        int mode = (int) Files.getAttribute(file, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        char type = (mode & 0170000) == 0140000 ? 's' : (mode & 0170000) == 0100000 ? '-' : '?';
        return type + PosixFilePermissions.toString(Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS))
                + " " + file.getFileName();
    }

    private static String modeOf(Path dir) throws IOException {
        return String.format("%04o", (int) Files.getAttribute(dir, "unix:mode") & 07777);
    }
}
