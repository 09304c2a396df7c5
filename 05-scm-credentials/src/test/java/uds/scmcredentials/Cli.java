package uds.scmcredentials;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs commands as separate processes, the way a learner types them, and records them in a
 * transcript that the walkthrough includes (its output is never typed by hand).
 */
final class Cli {

    record Result(int exit, String stdout, String stderr) {
    }

    /** The jar under test: target/05-scm-credentials.jar, set by failsafe. */
    static LessonJar jar() {
        return new LessonJar(Path.of(System.getProperty("lesson.jar")));
    }

    private final List<String> transcript = new ArrayList<>();

    static Result run(List<String> command, String stdin) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).start();
        CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("still running after 60 s: " + command);
        }
        return new Result(process.exitValue(), stdout.join(), stderr.join());
    }

    private static String readAll(java.io.InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Runs command, and records it and its output as a learner's shell would show them. */
    Result record(List<String> command, String stdin) throws IOException, InterruptedException {
        Result result = run(command, stdin);
        transcript.add("$ " + shown(command));
        result.stdout().lines().forEach(transcript::add);
        result.stderr().lines().forEach(transcript::add);
        if (result.exit() != 0) {
            transcript.add("(exit " + result.exit() + ")");
        }
        return result;
    }

    void note(String line) {
        transcript.add(line);
    }

    /** Writes target/transcripts/NAME.txt. */
    void write(String name) throws IOException {
        Path dir = Files.createDirectories(Path.of(System.getProperty("transcripts.dir")));
        Files.write(dir.resolve(name + ".txt"), transcript, StandardCharsets.UTF_8);
    }

    /** The command as typed: the lesson jar by its name, the java of PATH. */
    static String shown(List<String> command) {
        StringBuilder line = new StringBuilder();
        for (String word : command) {
            String shownWord = word.endsWith(".jar") ? Path.of(word).getFileName().toString()
                    : word.endsWith("/bin/java") ? "java" : word;
            if (!line.isEmpty()) {
                line.append(' ');
            }
            line.append(shownWord.isEmpty() || shownWord.contains(" ") ? "'" + shownWord + "'" : shownWord);
        }
        return line.toString();
    }
}
