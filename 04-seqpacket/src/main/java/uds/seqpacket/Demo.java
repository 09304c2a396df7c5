package uds.seqpacket;

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
 * The narrated tour of lesson 04: a privileged update server and its clients, each a separate
 * JVM; as root, the server runs as root and the clients as www-data (admitted) and nobody.
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
        boolean root = Files.getAttribute(Path.of("/proc/self"), "unix:uid").equals(0);
        Path dir = Files.createTempDirectory("uds-seqpacket-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x")); // others reach the socket
        LessonJar readable = root ? jar.readableCopy(dir) : jar;
        Demo demo = new Demo(readable, out);
        try {
            demo.tour(dir, root);
        } finally {
            for (ServerProcess server : demo.started) {
                server.close();
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private void tour(Path dir, boolean root) throws IOException, InterruptedException {
        Path config = dir.resolve("settings.conf");
        Files.writeString(config, "colour=blue\n");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
        String socket = dir.resolve("update.sock").toString();
        List<String> client = root ? asUser(33) : List.of();
        out.println("== 04-seqpacket: a privileged update server over SOCK_SEQPACKET");

        step("1. The server owns a configuration file that only its user may read or write.",
                "settings.conf: " + describe(config));
        ServerProcess server = startServer(root
                ? new String[] {"server", "--socket", socket, "--config", config.toString(), "--allow-user", "www-data"}
                : new String[] {"server", "--socket", socket, "--config", config.toString()});
        await(server, "listening on");

        step("2. " + (root ? "www-data" : "The allowed user") + " sends requests: one datagram each, one reply each.", null);
        run(client, "client", "--socket", socket, "SET colour green", "GET colour", "SET motd hello world");
        await(server, "admitted");
        out.println("   settings.conf: " + describe(config) + ", now holding:");
        Files.readAllLines(config).forEach(line -> out.println("     " + line));

        step("3. Anyone else is refused before the server reads a byte.",
                root ? null : "(Run the tour as root to see the user nobody refused.)");
        if (root) {
            run(asUser(65534), "client", "--socket", socket, "SET colour black");
            await(server, "refused");
        }

        step("4. Bad requests get ERR, and the same connection goes on working.",
                "A value with a newline would write a second line, a second setting, into the file.");
        run(client, "client", "--socket", socket, "SET bad/key x", "SET motd hi\nadmin=yes", "FLY me",
                "SET big " + "x".repeat(UpdateServer.MAX_REQUEST), "GET colour");
        await(server, "admitted");
        out.println("   settings.conf is unchanged:");
        Files.readAllLines(config).forEach(line -> out.println("     " + line));

        out.println("$ kill -TERM " + server.pid());
        server.terminate();
        await(server, "removed");
        out.println();
    }

    private static List<String> asUser(int id) {
        return List.of("setpriv", "--reuid=" + id, "--regid=" + id, "--clear-groups");
    }

    private static String describe(Path file) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file)) + " "
                + Files.getOwner(file).getName();
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
        started.add(server);
        return server;
    }

    private void await(ServerProcess server, String text) throws IOException, InterruptedException {
        server.await(text).forEach(line -> out.println("  server | " + line));
    }

    /** The command as a shell would take it: quoted, a newline as $'\n', a long argument shortened. */
    private static String commandLine(List<String> prefix, String... args) {
        StringBuilder line = new StringBuilder();
        prefix.forEach(word -> line.append(word).append(' '));
        line.append("java -jar 04-seqpacket.jar");
        for (String arg : args) {
            String shown = arg.length() > 80 ? arg.substring(0, 12) + "...(" + arg.length() + " bytes)" : arg;
            line.append(' ').append(shown.contains("\n") ? "$'" + shown.replace("\n", "\\n") + "'"
                    : shown.contains(" ") ? "'" + shown + "'" : shown);
        }
        return line.toString();
    }
}
