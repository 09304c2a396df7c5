package uds.socketactivation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

import uds.support.ServerProcess;

/**
 * What socket activation costs the first client: the time from its connect() to the first
 * byte of the greeting, while systemd-socket-activate starts the server on demand: the JVM as
 * it is, the JVM with an AOT cache (JEP 483 and 514: classes loaded and linked ahead of time),
 * and the same service in C (activated_echo.c). Not a test: a measurement, run with
 * {@code ./mvnw -pl 07-socket-activation -am -Pbench verify}; it writes
 * results/first-reply.json and the page's table, results/first-reply.adoc.
 *
 * <p>Usage: FirstReply JAR C_SOURCE BUILD_DIR RESULTS_DIR
 */
public final class FirstReply {

    static final int RUNS = 15;

    record Variant(String name, List<String> command) {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]).toAbsolutePath();
        Path build = Files.createDirectories(Path.of(args[2]).toAbsolutePath());
        Path results = Files.createDirectories(Path.of(args[3]));
        String java = ProcessHandle.current().info().command().orElse("java");
        Path binary = compile(Path.of(args[1]), build);
        Path cache = build.resolve("07-socket-activation.aot");
        train(List.of(java, "-XX:AOTCacheOutput=" + cache, "-jar", jar.toString(), "server"), build, cache);

        List<Variant> variants = List.of(
                new Variant("C (activated_echo.c)", List.of(binary.toString())),
                new Variant("JVM", List.of(java, "-jar", jar.toString(), "server")),
                new Variant("JVM with AOT cache", List.of(java, "-XX:AOTCache=" + cache, "-jar", jar.toString(), "server")));
        List<List<Double>> times = new ArrayList<>();
        for (Variant variant : variants) {
            List<Double> runs = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                runs.add(firstReplyMillis(variant.command(), build));
            }
            System.out.println(variant.name() + ": " + runs);
            times.add(runs);
        }
        Files.writeString(results.resolve("first-reply.json"), json(variants, times, java));
        Files.writeString(results.resolve("first-reply.adoc"), table(variants, times));
    }

    // tag::measure[]
    /** One activation: the manager listens, the client connects and waits for the greeting's first byte. */
    static double firstReplyMillis(List<String> server, Path dir) throws Exception {
        Path socket = dir.resolve("first-reply.sock");
        Files.deleteIfExists(socket);
        List<String> command = new ArrayList<>(List.of("systemd-socket-activate", "-l", socket.toString()));
        command.addAll(server);
        try (ServerProcess manager = ServerProcess.start(command)) {
            manager.await("Listening on");
            long start = System.nanoTime();
            try (AFUNIXSocket client = AFUNIXSocket.connectTo(AFUNIXSocketAddress.of(socket))) {
                client.setSoTimeout(30_000);
                InputStream in = client.getInputStream();
                if (in.read() < 0) {
                    throw new IOException("no greeting from " + server);
                }
                return (System.nanoTime() - start) / 1e6;
            } finally {
                manager.terminate();
            }
        }
    }
    // end::measure[]

    /** A training run (JEP 514): the JVM records what it loaded and writes the cache as it exits. */
    private static void train(List<String> server, Path dir, Path cache) throws Exception {
        Files.deleteIfExists(cache);
        firstReplyMillis(server, dir);
        if (!Files.isRegularFile(cache)) {
            throw new IOException("the training run wrote no AOT cache at " + cache);
        }
    }

    private static Path compile(Path source, Path build) throws IOException, InterruptedException {
        Path binary = build.resolve("activated_echo");
        Process gcc = new ProcessBuilder("gcc", "-O2", "-Wall", "-o", binary.toString(), source.toString())
                .redirectErrorStream(true).start();
        String output = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (gcc.waitFor() != 0) {
            throw new IOException("gcc failed: " + output);
        }
        return binary;
    }

    static double median(List<Double> runs) {
        List<Double> sorted = runs.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    // tag::table[]
    static String table(List<Variant> variants, List<List<Double>> times) {
        double c = median(times.get(0));
        StringBuilder table = new StringBuilder("""
                [cols="3,1,1,1,1",options="header"]
                |===
                | server started on demand | median | fastest | slowest | vs C
                """);
        for (int i = 0; i < variants.size(); i++) {
            List<Double> runs = times.get(i);
            table.append(String.format(Locale.ROOT, "| %s | %.1f ms | %.1f ms | %.1f ms | %.1fx%n", variants.get(i).name(),
                    median(runs), runs.stream().min(Double::compare).orElseThrow(),
                    runs.stream().max(Double::compare).orElseThrow(), median(runs) / c));
        }
        table.append("|===\n\n");
        double plain = median(times.get(1));
        double aot = median(times.get(2));
        table.append(String.format(Locale.ROOT, "Medians of %d activations each. With the AOT cache the JVM's first reply"
                + " came %.1f ms sooner (%.0f%% of the time without it); C answered %.0fx sooner than the JVM with the cache.%n",
                times.get(0).size(), plain - aot, 100 * aot / plain, aot / c));
        return table.toString();
    }
    // end::table[]

    private static String json(List<Variant> variants, List<List<Double>> times, String java) throws IOException {
        StringBuilder json = new StringBuilder("{\n  \"machine\": {\"cores\": " + Runtime.getRuntime().availableProcessors()
                + ", \"kernel\": \"" + Files.readString(Path.of("/proc/sys/kernel/osrelease")).strip()
                + "\", \"java\": \"" + System.getProperty("java.runtime.version") + "\"},\n  \"runs_ms\": {\n");
        for (int i = 0; i < variants.size(); i++) {
            json.append("    \"").append(variants.get(i).name()).append("\": ").append(times.get(i).stream()
                    .map(t -> String.format(Locale.ROOT, "%.2f", t)).toList()).append(i + 1 < variants.size() ? ",\n" : "\n");
        }
        return json.append("  }\n}\n").toString();
    }

    private FirstReply() {
    }
}
