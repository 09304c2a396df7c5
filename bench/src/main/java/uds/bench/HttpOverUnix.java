package uds.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The HTTP bench: the same Jetty server ({@link HttpService}) in a process of its own, on a
 * Unix socket and on TCP loopback, each loaded three times by this JVM with 1 and 16 kept-alive
 * connections ({@link KeepAliveGet}) asking GET /v1/version as fast as answers come back:
 * requests per second and each request's latency. Writes RESULTS/http.json.
 *
 * <p>Usage: HttpOverUnix BUILD_DIR RESULTS_DIR
 */
public final class HttpOverUnix {

    static final List<Integer> CONNECTIONS = List.of(1, 16);
    static final double WARMUP_SECONDS = 2;
    static final double MEASURE_SECONDS = 3;
    /** Each point is measured this many times; the page shows the median and the spread. */
    static final int REPETITIONS = 3;

    public static void main(String[] args) throws Exception {
        Path build = Files.createDirectories(Path.of(args[0]));
        Path results = Files.createDirectories(Path.of(args[1]));
        // Repetitions outermost: a machine that slows down during the run slows both listeners.
        Map<String, List<Map<String, Object>>> repetitions = new LinkedHashMap<>();
        for (int repetition = 0; repetition < REPETITIONS; repetition++) {
            for (int connections : CONNECTIONS) {
                for (HttpService.Listener listener : HttpService.Listener.values()) {
                    Map<String, Object> run = measure(listener, connections, build, WARMUP_SECONDS, MEASURE_SECONDS);
                    System.out.println(run);
                    repetitions.computeIfAbsent(listener + " " + connections, key -> new ArrayList<>()).add(run);
                }
            }
        }
        List<Map<String, Object>> runs = new ArrayList<>();
        repetitions.values().forEach(runsOfOnePoint -> runs.add(median(runsOfOnePoint)));
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("machine", CBaseline.machine());
        report.put("jetty", org.eclipse.jetty.util.Jetty.VERSION);
        report.put("warmup_s", WARMUP_SECONDS);
        report.put("measure_s", MEASURE_SECONDS);
        report.put("runs", runs);
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(results.resolve("http.json").toFile(), report);
    }

    /** One point's repetitions kept whole, and the median of each number beside them. */
    static Map<String, Object> median(List<Map<String, Object>> repetitions) {
        Map<String, Object> point = new LinkedHashMap<>();
        Map<String, Object> first = repetitions.getFirst();
        point.put("listener", first.get("listener"));
        point.put("server", first.get("server"));
        point.put("connections", first.get("connections"));
        point.put("failed", repetitions.stream().mapToLong(run -> ((Number) run.get("failed")).longValue()).sum());
        for (String number : List.of("requests_per_s", "p50_us", "p99_us")) {
            double[] values = repetitions.stream().mapToDouble(run -> ((Number) run.get(number)).doubleValue()).sorted().toArray();
            point.put(number, values[values.length / 2]);
        }
        point.put("repetitions", repetitions);
        return point;
    }

    // tag::measure[]
    /** One listener, one number of connections: requests per second, p50 and p99 of each request. */
    static Map<String, Object> measure(HttpService.Listener listener, int connections, Path dir, double warmup,
            double measure) throws IOException, InterruptedException {
        Path socket = dir.resolve("http-" + ProcessHandle.current().pid() + ".sock");
        Files.deleteIfExists(socket);
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                HttpService.class.getName(), listener.name()));
        if (listener == HttpService.Listener.UNIX) {
            command.add(socket.toString());
        }
        Process server = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            SocketAddress address = awaitReady(server, listener);
            long start = System.nanoTime();
            long measureFrom = start + seconds(warmup);
            long measureUntil = measureFrom + seconds(measure);
            List<Latencies> all = new ArrayList<>();
            List<Thread> clients = new ArrayList<>();
            CountDownLatch connected = new CountDownLatch(connections);
            for (int i = 0; i < connections; i++) {
                Latencies latencies = new Latencies();
                all.add(latencies);
                clients.add(Thread.ofPlatform().start(() -> load(address, connected, measureFrom, measureUntil, latencies)));
            }
            for (Thread client : clients) {
                client.join();
            }
            long[] merged = Latencies.merge(all);
            long failed = all.stream().filter(latencies -> latencies.failure != null).count();
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("listener", listener.name());
            run.put("server", listener.label);
            run.put("connections", connections);
            run.put("failed", failed);
            run.put("requests", merged.length);
            run.put("requests_per_s", merged.length / measure);
            run.put("p50_us", percentile(merged, 0.50) / 1000.0);
            run.put("p99_us", percentile(merged, 0.99) / 1000.0);
            all.stream().filter(latencies -> latencies.failure != null).findFirst()
                    .ifPresent(latencies -> run.put("first_failure", latencies.failure));
            return run;
        } finally {
            server.destroyForcibly();
            server.waitFor();
            Files.deleteIfExists(socket);
        }
    }

    /** A client's loop: requests back to back, timed one by one once the warm-up is over. */
    private static void load(SocketAddress address, CountDownLatch connected, long measureFrom, long measureUntil,
            Latencies latencies) {
        try (KeepAliveGet connection = new KeepAliveGet(address)) {
            connected.countDown();
            connected.await();
            long now = System.nanoTime();
            while (now < measureUntil) {
                long sent = now;
                connection.get();
                now = System.nanoTime();
                if (sent >= measureFrom) {
                    latencies.add(now - sent);
                }
            }
        } catch (IOException | InterruptedException e) {
            connected.countDown();
            latencies.failure = e.toString();
        }
    }
    // end::measure[]

    private static SocketAddress awaitReady(Process server, HttpService.Listener listener) throws IOException {
        BufferedReader out = server.inputReader(StandardCharsets.UTF_8);
        String line = out.readLine();
        if (line == null || !line.startsWith("ready ")) {
            throw new IOException(listener.label + ": the server did not start: " + line);
        }
        String address = line.substring("ready ".length());
        return listener == HttpService.Listener.UNIX ? UnixDomainSocketAddress.of(address)
                : new InetSocketAddress("127.0.0.1", Integer.parseInt(address));
    }

    private static long seconds(double seconds) {
        return (long) (seconds * 1_000_000_000L);
    }

    static long percentile(long[] sorted, double fraction) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
    }

    /** One client's request times in nanoseconds, grown as needed: no allocation per request. */
    private static final class Latencies {
        private long[] nanos = new long[1 << 16];
        private int size;
        private volatile String failure;

        void add(long value) {
            if (size == nanos.length) {
                nanos = Arrays.copyOf(nanos, size * 2);
            }
            nanos[size++] = value;
        }

        static long[] merge(List<Latencies> all) {
            long[] merged = all.stream().flatMapToLong(latencies -> Arrays.stream(latencies.nanos, 0, latencies.size)).toArray();
            Arrays.sort(merged);
            return merged;
        }
    }

    private HttpOverUnix() {
    }
}
