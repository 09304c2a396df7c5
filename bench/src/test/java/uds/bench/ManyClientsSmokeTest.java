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
            assertTrue(((Number) run.get("server_rss_kib_peak")).longValue() > 0, server.name() + ": " + run);
        }
    }

    @Test
    void aQuickRunNamesItsPoints() {
        List<ManyClients.Server> servers = List.of(new ManyClients.Server("c", ManyClients.C_SERVER, List.of("x")),
                new ManyClients.Server("ffm_epoll", "epoll through FFM", List.of("java")));
        List<ManyClients.Point> points = ManyClients.points(servers, List.of(1_000, 10_000), true);
        // pinned and unpinned for both at both N; the small heap for Java at 10,000 only
        assertEquals(9, points.size(), points.toString());
        assertEquals(List.of("taskset", "-c", "0", "java", "-Xms64m", "-Xmx64m", "-XX:+UseSerialGC", "/s"),
                ManyClients.command(servers.get(1), ManyClients.Placement.SMALL_HEAP, Path.of("/s")));
    }
}
