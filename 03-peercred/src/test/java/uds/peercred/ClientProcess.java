package uds.peercred;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A client run as a separate process, with its pid: the server's answer must name it. */
record ClientProcess(long pid, int exit, List<String> stdout, String stderr) {

    static ClientProcess run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        var stderr = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        List<String> stdout = process.inputReader(StandardCharsets.UTF_8).lines().toList();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("still running after 60 s: " + command);
        }
        return new ClientProcess(process.pid(), process.exitValue(), stdout, stderr.join());
    }
}
