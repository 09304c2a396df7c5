package uds.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import uds.support.PostgresCluster;
import uds.support.testing.SharedDirectory;

/**
 * Keeps lesson 10's measurements working in every build: a real PostgreSQL, each task a few
 * times both ways. Not a measurement (that is -Pbench).
 */
class PostgresTimingsSmokeTest {

    @Test
    void everyTaskIsTimedBothWays() throws Exception {
        assumeTrue(PostgresCluster.binaries().isPresent(), "PostgreSQL is not installed (Debian: apt-get install postgresql)");
        try (SharedDirectory dir = SharedDirectory.create("uds-bench-postgres-")) {
            List<Map<String, Object>> runs = PostgresTimings.measure(dir.path(), 0.01);
            assertEquals(PostgresTimings.Task.values().length * PostgresTimings.Way.values().length, runs.size(), runs.toString());
            for (Map<String, Object> run : runs) {
                assertTrue(((Number) run.get("samples")).intValue() >= 3, run.toString());
                assertTrue(((Number) run.get("p50_us")).doubleValue() > 0, run.toString());
            }
        }
    }
}
