package uds.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A server running in its own JVM, as in a second terminal. Its output (stdout and stderr)
 * is collected line by line, so a caller can wait for "listening on" before it connects.
 */
public final class ServerProcess implements AutoCloseable {

    private static final long TIMEOUT_SECONDS = 20;

    private final Process process;
    private final Thread reader;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private ServerProcess(Process process) {
        this.process = process;
        this.reader = Thread.ofPlatform().daemon().start(this::collectOutput);
    }

    public static ServerProcess start(List<String> command) throws IOException {
        return start(command, null);
    }

    /** Started in directory (null: this process's), as a learner's shell would be there. */
    public static ServerProcess start(List<String> command, Path directory) throws IOException {
        Process process = new ProcessBuilder(command).directory(directory == null ? null : directory.toFile())
                .redirectErrorStream(true).start();
        process.getOutputStream().close();
        return new ServerProcess(process);
    }

    private void collectOutput() {
        try (BufferedReader output = process.inputReader(StandardCharsets.UTF_8)) {
            for (String line; (line = output.readLine()) != null; ) {
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add("(output lost: " + e + ")");
        }
    }

    /** The lines printed since the last call, up to and including the first that contains text. */
    public List<String> await(String text) throws IOException, InterruptedException {
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(50, TimeUnit.MILLISECONDS);
            if (line != null) {
                seen.add(line);
                if (line.contains(text)) {
                    return seen;
                }
            } else if (!reader.isAlive() && lines.isEmpty()) {
                throw new IOException("the server ended (exit " + process.waitFor() + ") before printing '"
                        + text + "'; it printed " + seen);
            }
        }
        throw new IOException("the server did not print '" + text + "' within " + TIMEOUT_SECONDS + " s; it printed " + seen);
    }

    /** Waits for the process to end by itself and returns the lines {@link #await} has not returned. */
    public List<String> remaining() throws IOException, InterruptedException {
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw new IOException("still running after " + TIMEOUT_SECONDS + " s");
        }
        reader.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS)); // the rest of its output
        List<String> rest = new ArrayList<>();
        lines.drainTo(rest);
        return rest;
    }

    public long pid() {
        return process.pid();
    }

    // Signals go through the ProcessHandle: Process.destroy() would also close the output we read.

    /** SIGKILL, like kill -9: the JVM gets no chance to run any code. */
    public int kill() throws InterruptedException {
        process.toHandle().destroyForcibly();
        return process.waitFor();
    }

    /** SIGTERM, like kill: the JVM runs its shutdown hooks, then exits. */
    public int terminate() throws InterruptedException {
        process.toHandle().destroy();
        return process.waitFor();
    }

    /** Waits for the server to end by itself; its exit code. */
    public int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
