package uds.support.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import uds.support.ServerProcess;
import uds.support.Shell;

/**
 * Commands and their output as a learner's shell would show them, written to
 * {@code target/transcripts/NAME.txt} for a walkthrough to include: no output on a page is
 * typed by hand.
 */
public final class Transcript {

    private final List<String> lines = new ArrayList<>();

    /** Runs command, and records it and what it printed. */
    public Commands.Result record(List<String> command, String stdin) throws IOException, InterruptedException {
        return record(null, command, stdin);
    }

    private Commands.Result record(Path directory, List<String> command, String stdin)
            throws IOException, InterruptedException {
        Commands.Result result = Commands.runWithPid(command, stdin, directory).result();
        lines.add("$ " + shown(command));
        result.stdout().lines().forEach(lines::add);
        result.stderr().lines().forEach(lines::add);
        if (result.exit() != 0) {
            lines.add("(exit " + result.exit() + ")");
        }
        return result;
    }

    public Commands.Result record(List<String> command) throws IOException, InterruptedException {
        return record(command, "");
    }

    /** Runs command in directory, as a second terminal there would, and records it. */
    public Commands.Result recordIn(Path directory, List<String> command) throws IOException, InterruptedException {
        return record(directory, command, "");
    }

    /**
     * Starts a server in directory, as a first terminal there would ({@code &}), and records
     * what it printed up to the line with ready.
     */
    public ServerProcess startIn(Path directory, List<String> command, String ready)
            throws IOException, InterruptedException {
        lines.add("$ " + shown(command) + " &");
        ServerProcess server = ServerProcess.start(command, directory);
        server.await(ready).forEach(lines::add);
        return server;
    }

    /** The server's lines since last asked, up to the one with text, recorded as the server's. */
    public List<String> serverSays(ServerProcess server, String text) throws IOException, InterruptedException {
        List<String> said = server.await(text);
        said.forEach(line -> lines.add("(server) " + line));
        return said;
    }

    public void note(String line) {
        lines.add(line);
    }

    /** Writes the transcript to NAME.txt in the directory failsafe names (transcripts.dir). */
    public void write(String name) throws IOException {
        String dir = System.getProperty("transcripts.dir");
        if (dir == null) {
            throw new IllegalStateException("transcripts.dir is not set: run this test through failsafe (./mvnw verify)");
        }
        List<String> captured = new ArrayList<>(List.of(Capture.line()));
        captured.addAll(lines);
        Files.write(Files.createDirectories(Path.of(dir)).resolve(name + ".txt"), captured, StandardCharsets.UTF_8);
    }

    /** The command as typed: the lesson jar by its file name, the java of PATH. */
    public static String shown(List<String> command) {
        List<String> words = new ArrayList<>();
        for (String word : command) {
            words.add(word.endsWith(".jar") ? Path.of(word).getFileName().toString()
                    : word.endsWith("/bin/java") ? "java" : word);
        }
        return Shell.line(words);
    }
}
