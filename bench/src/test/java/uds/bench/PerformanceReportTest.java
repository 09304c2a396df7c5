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

    @Test
    void manyClientsRatiosAndTheGoalAreComputedFromTheRuns() {
        List<ManyClientsReport.Run> runs = List.of(
                new ManyClientsReport.Run(ManyClients.C_SERVER, 10, 10, 0, 100_000, 50, 100, 1024, 1),
                new ManyClientsReport.Run("J", 10, 10, 0, 90_000, 60, 110, 40_960, 20),
                new ManyClientsReport.Run(ManyClients.C_SERVER, 1000, 1000, 0, 200_000, 3000, 8000, 2048, 1),
                new ManyClientsReport.Run("J", 1000, 1000, 0, 180_000, 3500, 9000, 51_200, 20));
        String table = ManyClientsReport.table(runs);
        assertTrue(table.contains("| 1,000 | J | 180,000 | 0.90x | 3.5 ms | 9.0 ms | 1.13x | 50 MiB | 20"), table);
        String findings = ManyClientsReport.findings(runs);
        assertTrue(findings.contains("C made 1.11x as many; its p99 was 1.13x of C's. The goal (both within 1.2x): met."), findings);
        assertTrue(findings.contains("J 10.3 KiB"), findings); // (51,200 - 40,960) KiB / 990 connections
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
