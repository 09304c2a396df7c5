package uds.peercred;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The narrated tour of lesson 03: a server and clients in separate JVMs; as root, clients run
 * as www-data, nobody and a uid above 2^31 through setpriv.
 */
final class Demo {

    private final LessonJar jar;
    private final PrintStream out;
    private final Map<ServerProcess, String> started = new LinkedHashMap<>();

    private Demo(LessonJar jar, PrintStream out) {
        this.jar = jar;
        this.out = out;
    }

    static void run(LessonJar jar, PrintStream out) throws IOException, InterruptedException {
        boolean root = Files.getAttribute(Path.of("/proc/self"), "unix:uid").equals(0);
        // Other users must reach the socket and read the jar: a world-searchable directory.
        Path dir = Files.createTempDirectory("uds-peercred-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        LessonJar readable = root ? jar.readableCopy(dir) : jar;
        Demo demo = new Demo(readable, out);
        try {
            demo.tour(dir.resolve("peercred.sock"), root);
        } finally {
            for (ServerProcess server : demo.started.keySet()) {
                server.close();
            }
            if (root) {
                readable.deleteCopy();
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.delete(dir);
        }
    }

    private void tour(Path socket, boolean root) throws IOException, InterruptedException {
        String path = socket.toString();
        out.println("== 03-peercred: the kernel tells the server who connected");

        step("1. For each connection the server asks the kernel (SO_PEERCRED) who the peer is.",
                "The client prints the server's answer, then the server's identity as the client sees it.");
        ServerProcess server = startServer("server", "--socket", path);
        await(server, "listening on");
        run(List.of(), "client", "--socket", path);
        await(server, "peer");

        step("2. Other users, each a real process of its own.", root ? null
                : "(Running a client as another user needs root: run the tour as root to see www-data, nobody and uid 4294967294.)");
        if (root) {
            run(asUser("33", "33"), "client", "--socket", path);
            await(server, "peer");
            run(asUser("65534", "65534"), "client", "--socket", path);
            await(server, "peer");
            out.println("   uid_t is unsigned: a uid above 2^31 must not turn negative. This one has no name:");
            run(asUser("4294967294", "4294967294"), "client", "--socket", path);
            await(server, "peer");
        }
        stop(server);

        step("3. An allow list: the server admits some users and turns the others away, and keeps serving.", null);
        String allowed = root ? "www-data" : "root";
        server = startServer("server", "--socket", path, "--allow-user", allowed);
        await(server, "listening on");
        if (root) {
            run(asUser("33", "33"), "client", "--socket", path);
            await(server, "peer");
            run(asUser("65534", "65534"), "client", "--socket", path);
        } else {
            run(List.of(), "client", "--socket", path);
        }
        await(server, "denied");
        stop(server);
        out.println();
    }

    private static List<String> asUser(String uid, String gid) {
        return List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups");
    }

    private void stop(ServerProcess server) throws IOException, InterruptedException {
        out.println("$ kill -TERM " + server.pid());
        server.terminate();
    }

    private void step(String title, String detail) {
        out.println();
        out.println("-- " + title);
        if (detail != null) {
            out.println("   " + detail);
        }
    }

    /** Runs one client to its end, showing what it prints and how it exits. */
    private void run(List<String> prefix, String... args) throws IOException, InterruptedException {
        out.println("$ " + commandLine(prefix, args));
        Process process = new ProcessBuilder(Stream.concat(prefix.stream(), jar.command(args).stream()).toList())
                .redirectErrorStream(true).start();
        process.getOutputStream().close();
        try (BufferedReader lines = process.inputReader(StandardCharsets.UTF_8)) {
            lines.lines().forEach(line -> out.println("  client | " + line));
        }
        int exit = process.waitFor();
        if (exit != 0) {
            out.println("  (exit " + exit + ")");
        }
    }

    private ServerProcess startServer(String... args) throws IOException {
        out.println("$ " + commandLine(List.of(), args) + " &");
        ServerProcess server = ServerProcess.start(jar.command(args));
        started.put(server, "server");
        return server;
    }

    /** Shows what the background server printed, up to the line we wait for. */
    private void await(ServerProcess server, String text) throws IOException, InterruptedException {
        server.await(text).forEach(line -> out.println("  " + started.get(server) + " | " + line));
    }

    private static String commandLine(List<String> prefix, String... args) {
        StringBuilder line = new StringBuilder();
        prefix.forEach(word -> line.append(word).append(' '));
        line.append("java -jar 03-peercred.jar");
        for (String arg : args) {
            line.append(' ').append(arg);
        }
        return line.toString();
    }
}
