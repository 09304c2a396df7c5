package uds.support.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
        Commands.Result result = Commands.run(command, stdin);
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
