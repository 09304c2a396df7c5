package uds.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The many-clients bench: every server (the C epoll server and each Java model of
 * {@link EchoServers}) in a process of its own, loaded by loadgen.c with N connections, each
 * making 64-byte round trips. While the load runs, the server's resident memory and thread
 * count are read from /proc at their peak. Writes RESULTS/many-clients.json.
 *
 * <p>Usage: ManyClients C_SOURCE_DIR BUILD_DIR RESULTS_DIR
 */
public final class ManyClients {

    static final List<Integer> CONNECTIONS = List.of(10, 100, 1_000, 10_000);
    static final double WARMUP_SECONDS = 2;
    static final double MEASURE_SECONDS = 4;
    static final String C_SERVER = "C epoll (epoll_echo.c)";

    /** A server to start: its name on the page and its command, which gets the socket path last. */
    record Server(String name, List<String> command) {
    }

    public static void main(String[] args) throws Exception {
        Path sources = Path.of(args[0]);
        Path build = Files.createDirectories(Path.of(args[1]));
        Path results = Files.createDirectories(Path.of(args[2]));
        Path loadgen = CBaseline.compile(sources.resolve("loadgen.c"), build);
        List<Server> servers = servers(CBaseline.compile(sources.resolve("epoll_echo.c"), build));
        long descriptorLimit = descriptorLimit();

        List<Map<String, Object>> runs = new ArrayList<>();
        for (int connections : CONNECTIONS) {
            if (connections + 100 > descriptorLimit) {
                System.out.println("skipping N=" + connections + ": the descriptor limit is " + descriptorLimit);
                continue;
            }
            for (Server server : servers) {
                Map<String, Object> run = measure(server, loadgen, build, connections, WARMUP_SECONDS, MEASURE_SECONDS);
                System.out.println(run);
                runs.add(run);
            }
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("machine", CBaseline.machine());
        report.put("descriptor_limit", descriptorLimit);
        report.put("warmup_s", WARMUP_SECONDS);
        report.put("measure_s", MEASURE_SECONDS);
        report.put("runs", runs);
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(results.resolve("many-clients.json").toFile(), report);
    }

    /** The C server first (the baseline), then each Java model, run with the JVM running this. */
    static List<Server> servers(Path cServer) {
        List<Server> servers = new ArrayList<>(List.of(new Server(C_SERVER, List.of(cServer.toString()))));
        String java = ProcessHandle.current().info().command().orElse("java");
        for (EchoServers.Model model : EchoServers.Model.values()) {
            servers.add(new Server(model.label, List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                    System.getProperty("java.class.path"), EchoServers.class.getName(), model.name())));
        }
        return servers;
    }

    // tag::measure[]
    /** One server, one number of connections: what loadgen measured, and the server's peak cost. */
    static Map<String, Object> measure(Server server, Path loadgen, Path dir, int connections, double warmup,
            double measure) throws IOException, InterruptedException {
        Path socket = dir.resolve("many-" + ProcessHandle.current().pid() + ".sock");
        Files.deleteIfExists(socket);
        List<String> command = new ArrayList<>(server.command());
        command.add(socket.toString());
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            awaitReady(process, server);
            AtomicLong rss = new AtomicLong();
            AtomicLong threads = new AtomicLong();
            Thread sampler = Thread.ofPlatform().daemon().start(() -> sample(process.pid(), rss, threads));
            Process load = new ProcessBuilder(loadgen.toString(), socket.toString(), Integer.toString(connections),
                    Double.toString(warmup), Double.toString(measure)).redirectErrorStream(true).start();
            String line = new String(load.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!load.waitFor(120, TimeUnit.SECONDS)) {
                load.destroyForcibly();
            }
            sampler.interrupt();
            sampler.join();
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("server", server.name());
            run.put("connections", connections);
            @SuppressWarnings("unchecked")
            Map<String, Object> measured = new ObjectMapper().readValue(line, Map.class);
            run.putAll(measured);
            run.put("server_rss_kib_peak", rss.get());
            run.put("server_threads_peak", threads.get());
            return run;
        } finally {
            process.destroyForcibly();
            process.waitFor();
            Files.deleteIfExists(socket);
        }
    }
    // end::measure[]

    private static void awaitReady(Process process, Server server) throws IOException {
        BufferedReader out = process.inputReader(StandardCharsets.UTF_8);
        String line = out.readLine();
        if (!"ready".equals(line)) {
            throw new IOException(server.name() + " did not start: " + line);
        }
    }

    /** Reads VmRSS and Threads from /proc/PID/status every 50 ms, keeping the largest. */
    private static void sample(long pid, AtomicLong rss, AtomicLong threads) {
        Path status = Path.of("/proc/" + pid + "/status");
        while (!Thread.currentThread().isInterrupted()) {
            try {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmRSS:")) {
                        rss.accumulateAndGet(Long.parseLong(line.replaceAll("\\D", "")), Math::max);
                    } else if (line.startsWith("Threads:")) {
                        threads.accumulateAndGet(Long.parseLong(line.replaceAll("\\D", "")), Math::max);
                    }
                }
                Thread.sleep(Duration.ofMillis(50));
            } catch (IOException | InterruptedException e) {
                return;
            }
        }
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
