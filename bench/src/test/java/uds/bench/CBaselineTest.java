package uds.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The C baseline builds and measures (a tiny run), when gcc is installed. */
class CBaselineTest {

    @TempDir
    Path dir;

    @Test
    void buildsAndMeasuresBothFigures() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/gcc")), "gcc is not installed (apt-get install gcc)");
        Path binary = CBaseline.compile(Path.of("src/main/c/pingpong.c"), dir);
        ObjectMapper json = new ObjectMapper();

        Map<?, ?> rtt = json.readValue(CBaseline.run(binary, dir, "rtt", 2000), Map.class);
        Map<?, ?> throughput = json.readValue(CBaseline.run(binary, dir, "throughput", 8), Map.class);

        assertEquals(2000, rtt.get("count"));
        assertTrue(((Number) rtt.get("p50_ns")).doubleValue() > 0);
        assertTrue(((Number) rtt.get("p50_ns")).doubleValue() <= ((Number) rtt.get("p99_ns")).doubleValue());
        assertEquals(8L * 1024 * 1024, ((Number) throughput.get("bytes")).longValue());
        assertTrue(((Number) throughput.get("mib_per_s")).doubleValue() > 0);
    }
}
