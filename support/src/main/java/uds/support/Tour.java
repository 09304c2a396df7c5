package uds.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A lesson's narrated tour: every server and client a separate JVM started from the lesson's
 * jar, each command printed as a learner would type it, each output line under the label of
 * the process that printed it. Closing the tour stops what it started and removes its files,
 * also when a step failed half-way.
 */
public final class Tour implements AutoCloseable {

    /** An argument longer than this is shown shortened, with its length. */
    private static final int LONGEST_SHOWN = 200;

    private final PrintStream out;
    private LessonJar jar;
    private final Map<ServerProcess, String> started = new LinkedHashMap<>(); // each with its label
    private final List<Path> directories = new ArrayList<>();
    private boolean jarShared;

    public Tour(LessonJar jar, PrintStream out) {
        this.jar = jar;
        this.out = out;
    }

    /** Where free-form lines of the story go. */
    public PrintStream out() {
        return out;
    }

    /**
     * A fresh temporary directory, removed with everything in it when the tour ends. Private
     * (0700) by default; with othersMayEnter, 0755, so that other users reach sockets in it.
     */
    public Path directory(String prefix, boolean othersMayEnter) throws IOException {
        Path dir = Files.createTempDirectory(prefix);
        if (othersMayEnter) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        directories.add(dir);
        return dir;
    }

    /**
     * When root, from now on starts every command from a copy of the jar that any user can
     * read: a JVM run as another user must read its classes, and the checkout may sit in a
     * 0700 home. Anyone else cannot start another user's process, so has nothing to share.
     */
    public void shareJarWithOtherUsers() throws IOException {
        if (ThisProcess.isRoot() && !jarShared) {
            jar = jar.readableCopy(directory("uds-jar-", true));
            jarShared = true;
        }
    }

    public void title(String title) {
        out.println("== " + title);
    }

    public void step(String title, String detail) {
        out.println();
        out.println("-- " + title);
        if (detail != null) {
            out.println("   " + detail);
        }
    }

    /** Runs one command to its end, showing what it prints and how it exits. */
    public void run(String label, List<String> prefix, String... args) throws IOException, InterruptedException {
        out.println("$ " + commandLine(prefix, args));
        show(label, Stream.concat(prefix.stream(), jar.command(args).stream()).toList());
    }

    /** Runs a program that is not the lesson's (cat, ls) the same way. */
    public void runProgram(String label, List<String> command) throws IOException, InterruptedException {
        out.println("$ " + Shell.line(command));
        show(label, command);
    }

    private void show(String label, List<String> command) throws IOException, InterruptedException {
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

    public void run(String label, String... args) throws IOException, InterruptedException {
        run(label, List.of(), args);
    }

    /** Starts a command in the background, as a shell does with {@code &}. */
    public ServerProcess start(String label, List<String> prefix, String... args) throws IOException {
        out.println("$ " + commandLine(prefix, args) + " &");
        ServerProcess server = ServerProcess.start(Stream.concat(prefix.stream(), jar.command(args).stream()).toList());
        started.put(server, label);
        return server;
    }

    public ServerProcess start(String label, String... args) throws IOException {
        return start(label, List.of(), args);
    }

    /** Shows what a background process printed, up to the line we wait for. */
    public void await(ServerProcess server, String text) throws IOException, InterruptedException {
        server.await(text).forEach(line -> out.println("  " + started.get(server) + " | " + line));
    }

    /** {@code kill -TERM}: the JVM runs its shutdown hooks. */
    public void stop(ServerProcess server) throws InterruptedException {
        out.println("$ kill -TERM " + server.pid());
        server.terminate();
    }

    /** {@code kill -KILL}: the JVM runs nothing more. */
    public void kill(ServerProcess server) throws InterruptedException {
        out.println("$ kill -KILL " + server.pid());
        server.kill();
    }

    private String commandLine(List<String> prefix, String... args) {
        List<String> words = new ArrayList<>(prefix);
        words.addAll(List.of("java", "-jar", jar.name()));
        for (String arg : args) {
            words.add(arg.length() > LONGEST_SHOWN ? shortened(arg) : arg);
        }
        return Shell.line(words);
    }

    private static String shortened(String arg) {
        return arg.substring(0, 12) + "...(" + arg.getBytes(StandardCharsets.UTF_8).length + " bytes)";
    }

    @Override
    public void close() throws IOException, InterruptedException {
        for (ServerProcess server : started.keySet()) {
            server.close();
        }
        for (Path dir : directories.reversed()) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
