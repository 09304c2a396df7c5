package uds.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Keeps the benchmarks compiling and running: one tiny iteration each, no numbers kept. */
class BenchmarksSmokeTest {

    @Test
    void everyBenchmarkRunsForEveryTransport() throws Exception {
        Options tiny = new OptionsBuilder()
                .include(RoundTrip.class.getName() + "|" + OneWay.class.getName())
                .forks(0) // in this JVM, which already has native access enabled
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(100))
                .build();
        Collection<RunResult> results = new Runner(tiny).run();

        assertEquals(2 * Transport.values().length, results.size());
        for (RunResult result : results) {
            assertTrue(result.getPrimaryResult().getScore() > 0, result.getParams().getBenchmark());
        }
        Set<String> transports = results.stream().map(r -> r.getParams().getParam("transport")).collect(Collectors.toSet());
        assertEquals(Transport.values().length, transports.size());
    }
}
