package uds.support.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/** Runs a command as a separate process, the way a learner types it, and collects what it printed. */
public final class Commands {

    private static final long TIMEOUT_SECONDS = 60;

    /** How a command ended: what tests compare. */
    public record Result(int exit, String stdout, String stderr) {
    }

    /** A command that ran, with its pid: a server's answer may name it. */
    public record Run(long pid, Result result) {
    }

    public static Result run(List<String> command) throws IOException, InterruptedException {
        return run(command, "");
    }

    public static Result run(List<String> command, String stdin) throws IOException, InterruptedException {
        return runWithPid(command, stdin).result();
    }

    /** Runs command with stdin as its input; a command still running after 60 s is killed and fails. */
    public static Run runWithPid(List<String> command, String stdin) throws IOException, InterruptedException {
        return runWithPid(command, stdin, null);
    }

    /** Runs command in directory (null: this process's), with stdin as its input. */
    public static Run runWithPid(List<String> command, String stdin, Path directory)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(directory == null ? null : directory.toFile()).start();
        // A thread each, not the common pool: on 2 cores it has one thread, and a command that
        // fills its stderr pipe while stdout waits to be read would never end.
        Executor reader = task -> Thread.ofPlatform().daemon().start(task);
        CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()), reader);
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()), reader);
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the command ended without reading its input: what it printed says why
        }
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("still running after " + TIMEOUT_SECONDS + " s: " + command);
        }
        return new Run(process.pid(), new Result(process.exitValue(), stdout.join(), stderr.join()));
    }

    private static String readAll(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Commands() {
    }
}
