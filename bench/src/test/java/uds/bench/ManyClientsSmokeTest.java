package uds.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
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
            Map<String, Object> run = ManyClients.measure(server, loadgen, dir, 10, 0.1, 0.3);
            assertEquals(10, run.get("connected"), server.name());
            assertEquals(0, run.get("failed"), server.name());
            assertTrue(((Number) run.get("requests")).longValue() > 100, server.name() + ": " + run);
            assertTrue(((Number) run.get("server_rss_kib_peak")).longValue() > 0, server.name() + ": " + run);
        }
    }
}
