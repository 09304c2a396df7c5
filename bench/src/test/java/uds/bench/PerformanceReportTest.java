package uds.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PerformanceReportTest {

    @TempDir
    Path out;

    @Test
    void ratiosAreAgainstTheCBaselineAndJudgedByTheTargets() {
        String table = PerformanceReport.latencyTable(List.of(
                new PerformanceReport.Latency(PerformanceReport.C_BASELINE, 10_000, 11_000, 20_000, 30_000, 10_500),
                new PerformanceReport.Latency("FAST", 12_000, 13_000, 21_000, 31_000, 12_500),
                new PerformanceReport.Latency("SLOW", 14_000, 15_000, 22_000, 32_000, 14_500)));
        assertTrue(table.contains("| FAST | 12.0 µs | 13.0 µs | 21.0 µs | 31.0 µs | 12.5 µs | 1.20x | yes"), table);
        assertTrue(table.contains("| SLOW | 14.0 µs | 15.0 µs | 22.0 µs | 32.0 µs | 14.5 µs | 1.40x | *no*"), table);

        String throughput = PerformanceReport.throughputTable(List.of(
                new PerformanceReport.Throughput(PerformanceReport.C_BASELINE, 1000),
                new PerformanceReport.Throughput("FAST", 900),
                new PerformanceReport.Throughput("SLOW", 700)));
        assertTrue(throughput.contains("| FAST | 900 | 0.90x | yes"), throughput);
        assertTrue(throughput.contains("| SLOW | 700 | 0.70x | *no*"), throughput);
    }

    @Test
    void theCommittedRunHasARowForEveryTransport() throws Exception {
        PerformanceReport.main(new String[] {"results", out.toString()});
        String latency = Files.readString(out.resolve("latency.adoc"));
        String throughput = Files.readString(out.resolve("throughput.adoc"));
        for (Transport transport : Transport.values()) {
            assertTrue(latency.contains("| " + transport.name() + " |"), transport.name());
            assertTrue(throughput.contains("| " + transport.name() + " |"), transport.name());
        }
        String chart = Files.readString(out.resolve("latency.svg"));
        assertTrue(chart.startsWith("<svg") && chart.contains(PerformanceReport.C_BASELINE), chart);
    }
}
