package uds.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the HTTP bench working in every build: the Jetty server, on each listener, answers two
 * clients for a moment, every answer a 200 of the right length. Not a measurement (that is -Pbench).
 */
class HttpBenchSmokeTest {

    @TempDir
    Path dir;

    @Test
    void theSameServerAnswersOnEachListener() throws Exception {
        for (HttpService.Listener listener : HttpService.Listener.values()) {
            Map<String, Object> run = HttpOverUnix.measure(listener, 2, dir, 0.1, 0.3);
            assertEquals(0L, run.get("failed"), listener + ": " + run);
            assertTrue(((Number) run.get("requests")).longValue() > 10, listener + ": " + run);
            assertTrue(((Number) run.get("p99_us")).doubleValue() >= ((Number) run.get("p50_us")).doubleValue(), run.toString());
        }
    }
}
