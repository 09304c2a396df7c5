package uds.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The many-clients bench: every server (the C epoll server and each Java model of
 * {@link EchoServers}) in a process of its own, loaded by loadgen.c with N connections, each
 * making 64-byte round trips. The server's resident memory is read from /proc once it is ready
 * and, while the load runs, at its peak, with its thread count. Each point three times,
 * interleaved; each Java point runs right after a C point and is compared with it; the JSON
 * keeps every repetition beside the median. Writes RESULTS/many-clients.json.
 *
 * <p>Usage: ManyClients C_SOURCE_DIR BUILD_DIR RESULTS_DIR. A quick run of some points:
 * {@code -Dmany.clients=1000 -Dmany.servers=c,ffm_epoll} (model ids as in
 * {@link EchoServers.Model}, lower case, and c).
 */
public final class ManyClients {

    static final List<Integer> CONNECTIONS = List.of(1_000, 10_000);
    /** The points the goal names: the charts and findings. */
    static final List<Integer> GOAL_CONNECTIONS = List.of(1_000, 10_000);
    /** Where each server runs unpinned too (one N: the bench's 15 minutes hold no more). */
    static final int UNPINNED_CONNECTIONS = 1_000;
    /** Where each Java model runs with the small heap too: its memory where it matters most. */
    static final int SMALL_HEAP_CONNECTIONS = 10_000;
    static final double WARMUP_SECONDS = 1.5;
    static final double MEASURE_SECONDS = 1.0;
    static final int REPETITIONS = 3;
    static final String C_SERVER = "C epoll (epoll_echo.c)";
    static final String C_MODEL = "c";
    /**
     * The small heap: the serial collector and a fixed 128 MiB, the smallest power of two that holds
     * 10,000 connections of every model. With 64 MiB the virtual-thread servers collect without
     * end: each connection's 4 KiB buffer and its thread's stack both live on the heap.
     */
    static final List<String> SMALL_HEAP = List.of("-Xms128m", "-Xmx128m", "-XX:+UseSerialGC");

    /** A server to start: its model id, its name on the page, and its command (the socket path comes last). */
    record Server(String model, String name, List<String> command) {

        boolean isJava() {
            return !model.equals(C_MODEL);
        }
    }

    /**
     * How a point runs: pinned, the server on core 0 and loadgen on core 1 (taskset), or both
     * wherever the scheduler puts them; the JVM's default heap, or {@link #SMALL_HEAP}.
     */
    record Placement(boolean pinned, String heap) {

        static final Placement PINNED = new Placement(true, "default");
        static final Placement UNPINNED = new Placement(false, "default");
        static final Placement SMALL_HEAP = new Placement(true, "small");
    }

    /** One point: a server, a number of connections, a placement. */
    record Point(Server server, int connections, Placement placement) {
    }

    public static void main(String[] args) throws Exception {
        Path sources = Path.of(args[0]);
        Path build = Files.createDirectories(Path.of(args[1]));
        Path results = Files.createDirectories(Path.of(args[2]));
        Path loadgen = CBaseline.compile(sources.resolve("loadgen.c"), build);
        List<Server> servers = chosen(servers(CBaseline.compile(sources.resolve("epoll_echo.c"), build)));
        long descriptorLimit = descriptorLimit();
        boolean canPin = Runtime.getRuntime().availableProcessors() >= 2 && Files.isExecutable(Path.of("/usr/bin/taskset"));

        Placement main = canPin ? Placement.PINNED : Placement.UNPINNED;
        List<Point> points = points(servers, connections(), canPin);
        points.removeIf(point -> {
            boolean tooMany = point.connections() + 100 > descriptorLimit;
            if (tooMany) {
                System.out.println("skipping N=" + point.connections() + ": the descriptor limit is " + descriptorLimit);
            }
            return tooMany;
        });
        Map<Point, List<Map<String, Object>>> repetitions = new LinkedHashMap<>();
        // Repetitions outermost: a slow minute of the machine falls on one repetition of a point, not on all three.
        for (int repetition = 0; repetition < REPETITIONS; repetition++) {
            Map<String, Object> lastC = null;
            for (Point point : points) {
                Map<String, Object> run = measure(point, loadgen, build, WARMUP_SECONDS, MEASURE_SECONDS);
                if (point.placement().equals(main) && !point.server().isJava()) {
                    lastC = run;
                } else if (point.placement().equals(main) && lastC != null) {
                    // This machine's speed drifts by minutes: each Java point against the C point just before it.
                    run.put("c_requests_per_s", lastC.get("requests_per_s"));
                    run.put("c_p99_us", lastC.get("p99_us"));
                }
                System.out.println(run);
                repetitions.computeIfAbsent(point, key -> new ArrayList<>()).add(run);
            }
        }
        List<Map<String, Object>> runs = new ArrayList<>();
        repetitions.forEach((point, measured) -> runs.add(median(point, measured)));
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("machine", CBaseline.machine());
        report.put("descriptor_limit", descriptorLimit);
        report.put("warmup_s", WARMUP_SECONDS);
        report.put("measure_s", MEASURE_SECONDS);
        report.put("repetitions", REPETITIONS);
        report.put("small_heap", String.join(" ", SMALL_HEAP));
        report.put("runs", runs);
        // A quick run checks a change: it leaves the committed run alone.
        Path written = quick() ? build.resolve("many-clients-quick.json") : results.resolve("many-clients.json");
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(written.toFile(), report);
        System.out.println("wrote " + written);
        if (quick()) {
            List<ManyClientsReport.Run> measured = ManyClientsReport.runs(new ObjectMapper().readTree(written.toFile()));
            for (String table : List.of(ManyClientsReport.table(ManyClientsReport.main(measured)),
                    ManyClientsReport.placementTable(measured), ManyClientsReport.heapTable(measured))) {
                if (table.lines().count() > 4) { // more than its header and its end: points of its kind ran
                    System.out.print(table);
                }
            }
        }
    }

    /** Some points only (-Dmany.clients or -Dmany.servers). */
    static boolean quick() {
        return !System.getProperty("many.clients", "").isBlank() || !System.getProperty("many.servers", "").isBlank();
    }

    /**
     * One repetition's points, in order. At each N every Java server runs pinned right after a
     * C point of its own, then unpinned (at {@link #UNPINNED_CONNECTIONS}) and with the small heap
     * (at {@link #SMALL_HEAP_CONNECTIONS}): what is compared runs close in time. Without two cores
     * (or taskset) nothing is pinned, and the JSON says so.
     */
    static List<Point> points(List<Server> servers, List<Integer> connections, boolean canPin) {
        Placement main = canPin ? Placement.PINNED : Placement.UNPINNED;
        Optional<Server> c = servers.stream().filter(server -> !server.isJava()).findFirst();
        List<Server> java = servers.stream().filter(Server::isJava).toList();
        List<Point> points = new ArrayList<>();
        for (int n : connections) {
            boolean unpinnedToo = canPin && n == UNPINNED_CONNECTIONS;
            if (unpinnedToo) {
                c.ifPresent(server -> points.add(new Point(server, n, Placement.UNPINNED)));
            }
            if (java.isEmpty()) {
                c.ifPresent(server -> points.add(new Point(server, n, main)));
            }
            for (Server server : java) {
                c.ifPresent(baseline -> points.add(new Point(baseline, n, main)));
                points.add(new Point(server, n, main));
                if (unpinnedToo) {
                    points.add(new Point(server, n, Placement.UNPINNED));
                }
                if (n == SMALL_HEAP_CONNECTIONS) {
                    points.add(new Point(server, n, new Placement(canPin, "small")));
                }
            }
        }
        return points;
    }

    /** -Dmany.clients=1000,10000: only these N. */
    static List<Integer> connections() {
        String chosen = System.getProperty("many.clients", "");
        return chosen.isBlank() ? CONNECTIONS
                : Arrays.stream(chosen.split(",")).map(String::strip).map(Integer::parseInt).toList();
    }

    /** -Dmany.servers=c,ffm_epoll: only these servers. */
    static List<Server> chosen(List<Server> servers) {
        String chosen = System.getProperty("many.servers", "");
        if (chosen.isBlank()) {
            return servers;
        }
        List<String> models = Arrays.stream(chosen.split(",")).map(id -> id.strip().toLowerCase(Locale.ROOT)).toList();
        List<Server> kept = servers.stream().filter(server -> models.contains(server.model())).toList();
        if (kept.size() != models.size()) {
            throw new IllegalArgumentException("many.servers takes " + servers.stream().map(Server::model).toList()
                    + ", not " + chosen);
        }
        return kept;
    }

    /** The C server first (the baseline), then each Java model, run with the JVM running this. */
    static List<Server> servers(Path cServer) {
        List<Server> servers = new ArrayList<>(List.of(new Server(C_MODEL, C_SERVER, List.of(cServer.toString()))));
        String java = ProcessHandle.current().info().command().orElse("java");
        for (EchoServers.Model model : EchoServers.Model.values()) {
            servers.add(new Server(model.name().toLowerCase(Locale.ROOT), model.label, List.of(java,
                    "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                    EchoServers.class.getName(), model.name())));
        }
        return servers;
    }

    /** The server's command line for a placement: taskset in front, the heap's flags after java. */
    static List<String> command(Server server, Placement placement, Path socket) {
        List<String> command = new ArrayList<>();
        if (placement.pinned()) {
            command.addAll(List.of("taskset", "-c", "0"));
        }
        command.add(server.command().getFirst());
        if (server.isJava() && placement.heap().equals("small")) {
            command.addAll(SMALL_HEAP);
        }
        command.addAll(server.command().subList(1, server.command().size()));
        command.add(socket.toString());
        return command;
    }

    // tag::measure[]
    /** One point, once: what loadgen measured, and the server's peak cost. */
    static Map<String, Object> measure(Point point, Path loadgen, Path dir, double warmup, double measure)
            throws IOException, InterruptedException {
        Path socket = dir.resolve("many-" + ProcessHandle.current().pid() + ".sock");
        Files.deleteIfExists(socket);
        Process process = new ProcessBuilder(command(point.server(), point.placement(), socket))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            awaitReady(process, point.server());
            long rssReady = status(process.pid()).getOrDefault("VmRSS", 0L);
            AtomicLong rss = new AtomicLong();
            AtomicLong threads = new AtomicLong();
            Thread sampler = Thread.ofPlatform().daemon().start(() -> sample(process.pid(), rss, threads));
            List<String> load = new ArrayList<>(point.placement().pinned() ? List.of("taskset", "-c", "1") : List.of());
            load.addAll(List.of(loadgen.toString(), socket.toString(), Integer.toString(point.connections()),
                    Double.toString(warmup), Double.toString(measure)));
            Process loader = new ProcessBuilder(load).redirectErrorStream(true).start();
            String line = new String(loader.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!loader.waitFor(120, TimeUnit.SECONDS)) {
                loader.destroyForcibly();
            }
            sampler.interrupt();
            sampler.join();
            Map<String, Object> run = describe(point);
            @SuppressWarnings("unchecked")
            Map<String, Object> measured = new ObjectMapper().readValue(line, Map.class);
            run.putAll(measured);
            run.put("server_rss_kib_ready", rssReady);
            run.put("server_rss_kib_peak", rss.get());
            run.put("server_threads_peak", threads.get());
            return run;
        } finally {
            stop(process);
            Files.deleteIfExists(socket);
        }
    }
    // end::measure[]

    /** What a point is, as each run and each median in the JSON begins. */
    private static Map<String, Object> describe(Point point) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("model", point.server().model());
        described.put("server", point.server().name());
        described.put("connections", point.connections());
        described.put("pinned", point.placement().pinned());
        described.put("heap", point.placement().heap());
        return described;
    }

    /** SIGTERM (a JVM then runs its shutdown: a flight recording is written), SIGKILL if it lingers. */
    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /**
     * A point's repetitions kept whole, and beside them the median of each number (connected: the
     * fewest); where a repetition ran right after C, its ratios to that C run, and their medians.
     */
    static Map<String, Object> median(Point point, List<Map<String, Object>> repetitions) {
        for (Map<String, Object> run : repetitions) {
            if (run.containsKey("c_requests_per_s")) {
                run.put("vs_c", number(run, "requests_per_s") / number(run, "c_requests_per_s"));
                run.put("p99_vs_c", number(run, "p99_us") / number(run, "c_p99_us"));
            }
        }
        Map<String, Object> summary = describe(point);
        summary.put("connected", repetitions.stream().mapToLong(run -> (long) number(run, "connected")).min().orElse(0));
        summary.put("failed", repetitions.stream().mapToLong(run -> (long) number(run, "failed")).sum());
        for (String key : List.of("requests_per_s", "p50_us", "p99_us", "server_rss_kib_ready", "server_rss_kib_peak",
                "server_threads_peak", "vs_c", "p99_vs_c")) {
            double[] values = repetitions.stream().filter(run -> run.containsKey(key)).mapToDouble(run -> number(run, key))
                    .sorted().toArray();
            if (values.length > 0) {
                summary.put(key, values[values.length / 2]);
            }
        }
        List<String> kept = List.of("requests_per_s", "p50_us", "p99_us", "server_rss_kib_ready", "server_rss_kib_peak",
                "c_requests_per_s", "c_p99_us", "vs_c", "p99_vs_c");
        summary.put("repetitions", repetitions.stream().map(run -> {
            Map<String, Object> repetition = new LinkedHashMap<>();
            kept.stream().filter(run::containsKey).forEach(key -> repetition.put(key, run.get(key)));
            return repetition;
        }).toList());
        return summary;
    }

    private static double number(Map<String, Object> run, String key) {
        return ((Number) run.get(key)).doubleValue();
    }

    /** Up to the server's "ready"; what a JVM prints before it (Flight Recorder's start) is skipped. */
    private static void awaitReady(Process process, Server server) throws IOException {
        BufferedReader out = process.inputReader(StandardCharsets.UTF_8);
        List<String> before = new ArrayList<>();
        for (String line; (line = out.readLine()) != null; ) {
            if (line.equals("ready")) {
                return;
            }
            before.add(line);
        }
        throw new IOException(server.name() + " did not start: " + before);
    }

    /** Reads VmRSS and Threads from /proc/PID/status every 50 ms, keeping the largest. */
    private static void sample(long pid, AtomicLong rss, AtomicLong threads) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Map<String, Long> status = status(pid);
                rss.accumulateAndGet(status.getOrDefault("VmRSS", 0L), Math::max);
                threads.accumulateAndGet(status.getOrDefault("Threads", 0L), Math::max);
                Thread.sleep(Duration.ofMillis(50));
            } catch (IOException | InterruptedException e) {
                return;
            }
        }
    }

    /** VmRSS (KiB) and Threads from /proc/PID/status. */
    private static Map<String, Long> status(long pid) throws IOException {
        Map<String, Long> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            String name = line.substring(0, Math.max(0, line.indexOf(':')));
            if (name.equals("VmRSS") || name.equals("Threads")) {
                values.put(name, Long.parseLong(line.replaceAll("\\D", "")));
            }
        }
        return values;
    }

    /** The hard RLIMIT_NOFILE: what loadgen and the servers raise their own limit to. */
    static long descriptorLimit() throws IOException, InterruptedException {
        Process shell = new ProcessBuilder("sh", "-c", "ulimit -Hn").start();
        String limit = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        shell.waitFor();
        return "unlimited".equals(limit) ? Long.MAX_VALUE : Long.parseLong(limit);
    }

    private ManyClients() {
    }
}
