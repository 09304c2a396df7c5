package uds.abstractnamespace;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The narrated tour of lesson 02: every server and client is a separate JVM started from this
 * lesson's jar, as a learner would start them in two terminals.
 */
final class Demo {

    private final LessonJar jar;
    private final PrintStream out;
    private final Map<ServerProcess, String> started = new LinkedHashMap<>(); // each with its label

    private Demo(LessonJar jar, PrintStream out) {
        this.jar = jar;
        this.out = out;
    }

    static void run(LessonJar jar, PrintStream out) throws IOException, InterruptedException {
        Demo demo = new Demo(jar, out);
        try {
            demo.tour(new AbstractName("uds-démo-" + ProcessHandle.current().pid()));
        } finally {
            for (ServerProcess server : demo.started.keySet()) {
                server.close(); // a tour that failed half-way leaves no server behind
            }
        }
    }

    private void tour(AbstractName name) throws IOException, InterruptedException {
        String n = name.name();
        boolean root = Files.getAttribute(Path.of("/proc/self"), "unix:uid").equals(0);
        out.println("== 02-abstract-namespace: names with no file and no permissions");

        step("1. A server binds " + name + ": a leading NUL, then the name in UTF-8.",
                "No file appears; the kernel's table lists the name with an @ for the NUL:");
        ServerProcess server = startServer(List.of(), "server", "--name", n);
        await(server, "listening on");
        procNetUnix(name);

        step("2. A client connects by the same bytes.", null);
        run("client", List.of(), "client", "--name", n, "hello", "grüß dich");
        await(server, "closed");

        step("3. A second server on the same name is refused: a name is held by one socket at a time.", null);
        run("second server", List.of(), "server", "--name", n);
        out.println("   Before giving up, junixsocket's bind connected once to see whether the name's holder is alive:");
        await(server, "closed");

        step("4. kill -9: the name goes with the socket, so nothing is left to clean up.", null);
        out.println("$ kill -KILL " + server.pid());
        server.kill();
        procNetUnix(name);
        server = startServer(List.of(), "server", "--name", n);
        await(server, "listening on");
        out.println("$ kill -TERM " + server.pid());
        server.terminate();
        await(server, "released");

        List<String> asNobody = root
                ? List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups")
                : List.of();
        step("5. Squatting: no permission guards a name, so anyone may take it first.",
                root ? "The squatter runs as the user nobody." : "(Run the tour as root to see the squatter run as nobody.)");
        LessonJar readable = root ? jar.readableCopy(Path.of(System.getProperty("java.io.tmpdir"))) : jar;
        try {
            ServerProcess squatter = startServer(asNobody, readable, "squat", "--name", n);
            await(squatter, "squatting");
            run("real server", List.of(), "server", "--name", n);
            await(squatter, "closed");
            out.println("   A client that trusts the name sends its secret to the squatter:");
            run("client", List.of(), "client", "--name", n, "my password");
            await(squatter, "closed");
            out.println("   A client that asks the kernel who the server is (SO_PEERCRED) sends nothing:");
            run("client", List.of(), "client", "--name", n, "--expect-user", "root", "my password");
            await(squatter, "closed");
            out.println("$ kill -TERM " + squatter.pid());
            squatter.terminate();
            await(squatter, "released");
        } finally {
            if (root) {
                readable.deleteCopy();
            }
        }

        step("6. Autobind: bind with no name at all, and the kernel picks five hex digits.", null);
        run("autobind", List.of(), "autobind");

        step("7. Abstract names belong to a network namespace.", null);
        if (root) {
            server = startServer(List.of(), "server", "--name", n);
            await(server, "listening on");
            run("client", List.of("unshare", "--net"), "client", "--name", n, "from another namespace");
            out.println("$ kill -TERM " + server.pid());
            server.terminate();
            await(server, "released");
        } else {
            out.println("   (Creating a network namespace needs root: run the tour as root to see a client fail from one.)");
        }
        out.println();
    }

    private void step(String title, String detail) {
        out.println();
        out.println("-- " + title);
        if (detail != null) {
            out.println("   " + detail);
        }
    }

    private void procNetUnix(AbstractName name) throws IOException {
        out.println("$ grep '" + name + "' /proc/net/unix");
        List<String> lines = ProcNetUnix.linesFor(name);
        lines.forEach(line -> out.println("  " + line));
        if (lines.isEmpty()) {
            out.println("  (no line: the name is free)");
        }
    }

    /** Runs one command to its end, showing what it prints and how it exits. */
    private void run(String label, List<String> prefix, String... args) throws IOException, InterruptedException {
        List<String> command = Stream.concat(prefix.stream(), jar.command(args).stream()).toList();
        out.println("$ " + commandLine(prefix, args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        try (BufferedReader lines = process.inputReader(StandardCharsets.UTF_8)) {
            lines.lines().forEach(line -> out.println("  " + label + " | " + line));
        }
        int exit = process.waitFor();
        if (exit != 0) {
            out.println("  (exit " + exit + ")");
        }
    }

    private ServerProcess startServer(List<String> prefix, String... args) throws IOException {
        return startServer(prefix, jar, args);
    }

    private ServerProcess startServer(List<String> prefix, LessonJar from, String... args) throws IOException {
        out.println("$ " + commandLine(prefix, args) + " &");
        ServerProcess server = ServerProcess.start(Stream.concat(prefix.stream(), from.command(args).stream()).toList());
        started.put(server, args[0].equals("squat") ? "squatter" : args[0]);
        return server;
    }

    /** Shows what the background server printed, up to the line we wait for. */
    private void await(ServerProcess server, String text) throws IOException, InterruptedException {
        server.await(text).forEach(line -> out.println("  " + started.get(server) + " | " + line));
    }

    private static String commandLine(List<String> prefix, String... args) {
        StringBuilder line = new StringBuilder();
        prefix.forEach(word -> line.append(word).append(' '));
        line.append("java -jar 02-abstract-namespace.jar");
        for (String arg : args) {
            line.append(' ').append(arg.contains(" ") ? "'" + arg + "'" : arg);
        }
        return line.toString();
    }
}
