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

    @Test
    void theCommittedManyClientsRunHasEveryServerAtEveryN() throws Exception {
        PerformanceReport.main(new String[] {"results", out.toString()});
        String table = Files.readString(out.resolve("many-clients.adoc"));
        List<String> servers = new java.util.ArrayList<>(List.of(ManyClients.C_SERVER));
        for (EchoServers.Model model : EchoServers.Model.values()) {
            servers.add(model.label);
        }
        for (int connections : ManyClients.CONNECTIONS) {
            for (String server : servers) {
                assertTrue(table.contains(String.format(java.util.Locale.ROOT, "| %,d | %s", connections, server)),
                        server + " at " + connections + ":\n" + table);
            }
        }
        assertTrue(Files.readString(out.resolve("many-clients-findings.adoc")).contains("At 1,000 connections the best Java server"));
    }

    private static ManyClientsReport.Run run(String model, int n, boolean pinned, String heap, double rps, double p99, long rssKiB) {
        return paired(model, n, pinned, heap, rps, p99, rssKiB, Double.NaN, Double.NaN);
    }

    /** A run whose repetitions each ran after a C run: vsC and p99VsC are the medians of those pairs. */
    private static ManyClientsReport.Run paired(String model, int n, boolean pinned, String heap, double rps, double p99,
                                                long rssKiB, double vsC, double p99VsC) {
        return new ManyClientsReport.Run(model, model.equals("c") ? ManyClients.C_SERVER : "J " + model, n, pinned, heap, n, 0,
                rps, rps * 0.95, rps * 1.05, p99 / 2, p99, 10_240, rssKiB, 1, vsC, p99VsC);
    }

    @Test
    void manyClientsRatiosAndTheGoalAreComputedFromThePinnedRuns() {
        List<ManyClientsReport.Run> runs = List.of(
                run("c", 1000, true, "default", 200_000, 8000, 2048),
                run("j", 1000, true, "default", 180_000, 9000, 51_200),
                run("j", 1000, false, "default", 150_000, 20_000, 51_200),
                run("c", 10_000, true, "default", 100_000, 80_000, 4096),
                run("j", 10_000, true, "default", 80_000, 120_000, 143_360),
                run("j", 10_000, true, "small", 78_000, 125_000, 71_680));
        String table = ManyClientsReport.table(ManyClientsReport.main(runs));
        assertTrue(table.contains("| 1,000 | J j | 180,000 | 171,000 to 189,000 | 0.90x | 4.5 ms | 9.0 ms | 1.13x | 50 MiB | 1"), table);
        assertTrue(!table.contains("150,000"), "the unpinned run is not in the main table: " + table);
        String findings = ManyClientsReport.findings(runs);
        assertTrue(findings.contains("At 1,000 connections the best Java server, J j, made 180,000 round trips/s. Against the C"
                + " run just before each of its repetitions (the median of the pairs), C made 1.11x as many, and its p99 was"
                + " 1.13x of C's. The goal (within 1.15x and 1.3x): met."), findings);
        assertTrue(findings.contains("At 10,000 connections the best Java server, J j, made 80,000 round trips/s. Against the C"
                + " run just before each of its repetitions (the median of the pairs), C made 1.25x as many, and its p99 was"
                + " 1.50x of C's. The goal (within 1.15x and 1.3x): *missed*."), findings);
        assertTrue(findings.contains("J j 10.2 KiB"), findings); // (143,360 - 51,200) KiB / 9,000 connections
        assertTrue(ManyClientsReport.placementTable(runs).contains("| 1,000 | J j | 180,000 | 150,000 | 0.83x"),
                ManyClientsReport.placementTable(runs));
        // (71,680 - 10,240) KiB / 10,000 connections with the small heap
        assertTrue(ManyClientsReport.heapTable(runs).contains("| 10,000 | J j | 140 MiB | 70 MiB | 6.1 KiB | 0.98x"),
                ManyClientsReport.heapTable(runs));
    }

    @Test
    void manyClientsComparesEachJavaRunWithTheCRunBeforeIt() {
        // C's median is from a fast stretch of the machine; k's repetitions met slow C runs.
        List<ManyClientsReport.Run> runs = List.of(
                run("c", 1000, true, "default", 200_000, 8000, 2048),
                paired("j", 1000, true, "default", 150_000, 9000, 51_200, 0.80, 1.20),
                paired("k", 1000, true, "default", 140_000, 9000, 51_200, 0.95, 1.10));
        String table = ManyClientsReport.table(ManyClientsReport.main(runs));
        assertTrue(table.contains("| 1,000 | J k | 140,000 | 133,000 to 147,000 | 0.95x | 4.5 ms | 9.0 ms | 1.10x |"), table);
        String findings = ManyClientsReport.findings(runs);
        assertTrue(findings.contains("the best Java server, J k, made 140,000 round trips/s. Against the C run just before each"
                + " of its repetitions (the median of the pairs), C made 1.05x as many, and its p99 was 1.10x of C's. The goal"
                + " (within 1.15x and 1.3x): met."), findings);
        String chart = ManyClientsReport.chart(runs, 1000);
        assertTrue(chart.contains("0.95x") && chart.contains("0.80x") && chart.contains("1.00x"), chart);
    }

    @Test
    void theCommittedHttpRunHasBothListenersAtEveryNumberOfConnections() throws Exception {
        PerformanceReport.main(new String[] {"results", out.toString()});
        String table = Files.readString(out.resolve("http.adoc"));
        for (int connections : HttpOverUnix.CONNECTIONS) {
            for (HttpService.Listener listener : HttpService.Listener.values()) {
                assertTrue(table.contains("| " + connections + " | " + listener.label + " |"), listener + " at " + connections
                        + ":\n" + table);
            }
        }
    }

    @Test
    void httpRatiosAreAgainstTcpAndAnOverlapIsNoVerdict() {
        List<HttpReport.Point> points = List.of(
                new HttpReport.Point("UNIX", "Unix socket", 1, 0, 30_000, 29_000, 31_000, 30, 60),
                new HttpReport.Point("TCP", "TCP on 127.0.0.1", 1, 0, 29_500, 28_000, 30_000, 31, 66),
                new HttpReport.Point("UNIX", "Unix socket", 16, 0, 60_000, 58_000, 61_000, 250, 600),
                new HttpReport.Point("TCP", "TCP on 127.0.0.1", 16, 0, 48_000, 47_000, 50_000, 330, 800));
        String table = HttpReport.table(points);
        assertTrue(table.contains("| 16 | Unix socket | 60,000 | 58,000 to 61,000 | 1.25x | 250.0 µs | 600.0 µs | 0.75x"), table);
        String findings = HttpReport.findings(points);
        assertTrue(findings.contains("With 1 connection the Unix socket served 1.02x the requests/s of TCP (median of each),"
                + " its p99 0.91x of TCP's. Their repetitions overlap"), findings);
        assertTrue(findings.contains("With 16 connections the Unix socket served 1.25x the requests/s of TCP (median of each),"
                + " its p99 0.75x of TCP's. No repetition of one reached the other's range."), findings);
    }
}
