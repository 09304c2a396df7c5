package uds.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the many-clients bench working in every build: each server, C and Java, serves ten
 * connections of the load generator for a moment. Not a measurement (that is -Pbench).
 */
class ManyClientsSmokeTest {

    @TempDir
    Path dir;

    @Test
    void everyServerAnswersEveryConnection() throws Exception {
        Path sources = Path.of("src/main/c");
        Path loadgen = CBaseline.compile(sources.resolve("loadgen.c"), dir);
        for (ManyClients.Server server : ManyClients.servers(CBaseline.compile(sources.resolve("epoll_echo.c"), dir))) {
            // Unpinned: this machine may have one core. The small heap for each Java server, to show it starts.
            ManyClients.Placement placement = server.isJava() ? new ManyClients.Placement(false, "small")
                    : ManyClients.Placement.UNPINNED;
            Map<String, Object> run = ManyClients.measure(new ManyClients.Point(server, 10, placement), loadgen, dir, 0.1, 0.3);
            assertEquals(10, run.get("connected"), server.name());
            assertEquals(0, run.get("failed"), server.name());
            assertTrue(((Number) run.get("requests")).longValue() > 100, server.name() + ": " + run);
            assertTrue(((Number) run.get("server_rss_kib_ready")).longValue() > 0, server.name() + ": " + run);
            assertTrue(((Number) run.get("server_rss_kib_peak")).longValue() > 0, server.name() + ": " + run);
        }
    }

    @Test
    void aQuickRunNamesItsPoints() {
        List<ManyClients.Server> servers = List.of(new ManyClients.Server("c", ManyClients.C_SERVER, List.of("x")),
                new ManyClients.Server("ffm_epoll", "epoll through FFM", List.of("java")));
        ManyClients.Server c = servers.get(0);
        ManyClients.Server java = servers.get(1);
        ManyClients.Placement pinned = ManyClients.Placement.PINNED;
        ManyClients.Placement unpinned = ManyClients.Placement.UNPINNED;
        // Each Java point pinned right after a C point; unpinned at 1,000 only, the small heap at 10,000 only.
        assertEquals(List.of(new ManyClients.Point(c, 1_000, unpinned), new ManyClients.Point(c, 1_000, pinned),
                        new ManyClients.Point(java, 1_000, pinned), new ManyClients.Point(java, 1_000, unpinned),
                        new ManyClients.Point(c, 10_000, pinned), new ManyClients.Point(java, 10_000, pinned),
                        new ManyClients.Point(java, 10_000, ManyClients.Placement.SMALL_HEAP)),
                ManyClients.points(servers, List.of(1_000, 10_000), true));
        assertEquals(List.of("taskset", "-c", "0", "java", "-Xms128m", "-Xmx128m", "-XX:+UseSerialGC", "/s"),
                ManyClients.command(java, ManyClients.Placement.SMALL_HEAP, Path.of("/s")));
    }

    @Test
    void eachRepetitionIsComparedWithTheCRunBeforeIt() {
        ManyClients.Point point = new ManyClients.Point(new ManyClients.Server("ffm_epoll", "epoll through FFM",
                List.of("java")), 1_000, ManyClients.Placement.PINNED);
        List<Map<String, Object>> repetitions = List.of(
                repetition(90_000, 10_000, 100_000, 8_000),
                repetition(150_000, 9_000, 200_000, 9_000),
                repetition(50_000, 20_000, 50_000, 10_000));
        Map<String, Object> median = ManyClients.median(point, new java.util.ArrayList<>(repetitions));
        // ratios 0.9, 0.75, 1.0: the median pair, not the ratio of the medians (90,000 / 100,000)
        assertEquals(0.9, (Double) median.get("vs_c"), 1e-9);
        assertEquals(1.25, (Double) median.get("p99_vs_c"), 1e-9); // 1.25, 1.0, 2.0
        assertEquals(90_000.0, median.get("requests_per_s"));
    }

    private static Map<String, Object> repetition(double rps, double p99, double cRps, double cP99) {
        Map<String, Object> run = new java.util.HashMap<>(Map.of("requests_per_s", rps, "p50_us", p99 / 2, "p99_us", p99,
                "server_rss_kib_ready", 1_000L, "server_rss_kib_peak", 2_000L, "server_threads_peak", 1L,
                "connected", 1_000, "failed", 0));
        run.put("c_requests_per_s", cRps);
        run.put("c_p99_us", cP99);
        return run;
    }
}
