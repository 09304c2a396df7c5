package uds.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns the results of a real run (RESULTS/jmh.json from JMH, RESULTS/c-baseline.json from
 * {@link CBaseline}, RESULTS/many-clients.json from {@link ManyClients}, RESULTS/http.json from
 * {@link HttpOverUnix}, RESULTS/postgres.json from {@link PostgresTimings}) into the tables and
 * charts of docs/performance.adoc. Run by every build,
 * so the page can only show measured numbers.
 *
 * <p>Usage: PerformanceReport RESULTS_DIR OUTPUT_DIR
 */
public final class PerformanceReport {

    /** The targets of the bench issue: round trip within 1.3x of C, throughput at least 0.8x. */
    static final double LATENCY_TARGET = 1.3;
    static final double THROUGHPUT_TARGET = 0.8;

    /** A row of a table: the C baseline, a Java Unix-socket transport, or TCP. */
    interface Row {
        String transport();

        /** The rows the targets apply to. */
        default boolean isJavaUnixSocket() {
            return !transport().equals(C_BASELINE) && !transport().startsWith("TCP");
        }
    }

    record Latency(String transport, double p50, double p90, double p99, double p999, double mean) implements Row {
    }

    record Throughput(String transport, double mebibytesPerSecond) implements Row {
    }

    public static void main(String[] args) throws IOException {
        Path results = Path.of(args[0]);
        Path out = Files.createDirectories(Path.of(args[1]));
        ObjectMapper json = new ObjectMapper();
        JsonNode jmh = json.readTree(results.resolve("jmh.json").toFile());
        JsonNode c = json.readTree(results.resolve("c-baseline.json").toFile());

        List<Latency> latencies = latencies(jmh, c);
        List<Throughput> throughputs = throughputs(jmh, c);
        Files.writeString(out.resolve("latency.adoc"), latencyTable(latencies));
        Files.writeString(out.resolve("throughput.adoc"), throughputTable(throughputs));
        Files.writeString(out.resolve("machine.adoc"), machine(c.get("machine")));
        List<Double> cRuns = new ArrayList<>();
        c.get("throughput_runs_mib_per_s").forEach(run -> cRuns.add(run.asDouble()));
        Files.writeString(out.resolve("findings.adoc"), findings(latencies, throughputs, cRuns));
        Files.writeString(out.resolve("latency.svg"), BarChart.svg("Round trip, 64 bytes: median (µs)",
                latencies.stream().map(Latency::transport).toList(),
                latencies.stream().map(l -> l.p50() / 1000).toList(), "%.1f µs"));
        Files.writeString(out.resolve("throughput.svg"), BarChart.svg("One way, 64 KiB writes (MiB/s)",
                throughputs.stream().map(Throughput::transport).toList(),
                throughputs.stream().map(Throughput::mebibytesPerSecond).toList(), "%.0f MiB/s"));
        ManyClientsReport.write(json.readTree(results.resolve("many-clients.json").toFile()), out);
        HttpReport.write(json.readTree(results.resolve("http.json").toFile()), out);
        PostgresReport.write(json.readTree(results.resolve("postgres.json").toFile()), out);
    }

    static final String C_BASELINE = "C (pingpong.c)";

    static List<Latency> latencies(JsonNode jmh, JsonNode c) {
        List<Latency> rows = new ArrayList<>();
        JsonNode rtt = c.get("rtt");
        rows.add(new Latency(C_BASELINE, rtt.get("p50_ns").asDouble(), rtt.get("p90_ns").asDouble(),
                rtt.get("p99_ns").asDouble(), rtt.get("p999_ns").asDouble(), rtt.get("mean_ns").asDouble()));
        for (JsonNode run : jmh) {
            if (run.get("benchmark").asText().endsWith(".roundTrip")) {
                JsonNode metric = run.get("primaryMetric");
                JsonNode percentiles = metric.get("scorePercentiles");
                rows.add(new Latency(run.get("params").get("transport").asText(),
                        percentiles.get("50.0").asDouble(), percentiles.get("90.0").asDouble(),
                        percentiles.get("99.0").asDouble(), percentiles.get("99.9").asDouble(),
                        metric.get("score").asDouble()));
            }
        }
        return rows;
    }

    static List<Throughput> throughputs(JsonNode jmh, JsonNode c) {
        List<Throughput> rows = new ArrayList<>();
        rows.add(new Throughput(C_BASELINE, c.get("throughput").get("mib_per_s").asDouble()));
        for (JsonNode run : jmh) {
            if (run.get("benchmark").asText().endsWith(".write64KiB")) {
                double writesPerSecond = run.get("primaryMetric").get("score").asDouble();
                rows.add(new Throughput(run.get("params").get("transport").asText(),
                        writesPerSecond * OneWay.CHUNK / (1024.0 * 1024.0)));
            }
        }
        return rows;
    }

    // tag::ratios[]
    static String latencyTable(List<Latency> rows) {
        double c = rows.getFirst().p50();
        StringBuilder table = new StringBuilder("""
                [cols="3,1,1,1,1,1,1,1",options="header"]
                |===
                | transport | p50 | p90 | p99 | p99.9 | mean | p50 vs C | within 1.3x
                """);
        for (Latency row : rows) {
            double ratio = row.p50() / c;
            table.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %.2fx | %s%n",
                    row.transport(), micros(row.p50()), micros(row.p90()), micros(row.p99()),
                    micros(row.p999()), micros(row.mean()), ratio,
                    row.isJavaUnixSocket() ? verdict(ratio <= LATENCY_TARGET) : ""));
        }
        return table.append("|===\n").toString();
    }

    static String throughputTable(List<Throughput> rows) {
        double c = rows.getFirst().mebibytesPerSecond();
        StringBuilder table = new StringBuilder("""
                [cols="3,1,1,1",options="header"]
                |===
                | transport | MiB/s | vs C | at least 0.8x
                """);
        for (Throughput row : rows) {
            double ratio = row.mebibytesPerSecond() / c;
            table.append(String.format(Locale.ROOT, "| %s | %.0f | %.2fx | %s%n", row.transport(),
                    row.mebibytesPerSecond(), ratio,
                    row.isJavaUnixSocket() ? verdict(ratio >= THROUGHPUT_TARGET) : ""));
        }
        return table.append("|===\n").toString();
    }
    // end::ratios[]

    /** The verdicts in words, computed from the same numbers as the tables. */
    static String findings(List<Latency> latencies, List<Throughput> throughputs, List<Double> cThroughputRuns) {
        double cLatency = latencies.getFirst().p50();
        double cThroughput = throughputs.getFirst().mebibytesPerSecond();
        List<String> missed = new ArrayList<>();
        for (Latency row : unixTransports(latencies)) {
            if (row.p50() / cLatency > LATENCY_TARGET) {
                missed.add(row.transport() + " round trip (" + ratio(row.p50() / cLatency) + " of C)");
            }
        }
        for (Throughput row : unixTransports(throughputs)) {
            if (row.mebibytesPerSecond() / cThroughput < THROUGHPUT_TARGET) {
                missed.add(row.transport() + " throughput (" + ratio(row.mebibytesPerSecond() / cThroughput) + " of C)");
            }
        }
        Throughput direct = byName(throughputs, "JUNIXSOCKET_CHANNEL");
        Throughput heap = byName(throughputs, "JUNIXSOCKET_CHANNEL_CLIENT_HEAP");
        Throughput streams = byName(throughputs, "JUNIXSOCKET_STREAM");
        Latency tcp = latencies.stream().filter(l -> l.transport().startsWith("TCP")).findFirst().orElseThrow();
        Latency fastest = unixTransports(latencies).stream().min(java.util.Comparator.comparingDouble(Latency::p50)).orElseThrow();
        StringBuilder text = new StringBuilder();
        text.append(missed.isEmpty()
                ? "* Every Java Unix-socket transport met both targets in this run.\n"
                : "* Missed in this run: " + String.join("; ", missed) + ".\n");
        text.append("* The fastest Java round trip: " + fastest.transport() + ", median " + micros(fastest.p50())
                + ", " + ratio(fastest.p50() / cLatency) + " of C.\n");
        text.append("* Buffer copies: with heap buffers junixsocket's channel wrote " + percent(heap, direct)
                + " of what it wrote with direct buffers, and its Socket streams (byte arrays) "
                + percent(streams, direct) + ".\n");
        text.append("* TCP on 127.0.0.1 took " + ratio(tcp.p50() / fastest.p50())
                + " the median round trip of " + fastest.transport() + ".\n");
        text.append("* The C throughput of " + cThroughputRuns.size() + " runs, in MiB/s: "
                + String.join(", ", cThroughputRuns.stream().map(String::valueOf).toList())
                + " (the table shows the median): a ratio within that spread of a target is no clear verdict.\n");
        return text.toString();
    }

    private static Throughput byName(List<Throughput> rows, String transport) {
        return rows.stream().filter(row -> row.transport().equals(transport)).findFirst().orElseThrow();
    }

    private static String percent(Throughput part, Throughput whole) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * part.mebibytesPerSecond() / whole.mebibytesPerSecond());
    }

    private static <T extends Row> List<T> unixTransports(List<T> rows) {
        return rows.stream().filter(Row::isJavaUnixSocket).toList();
    }

    private static String ratio(double ratio) {
        return String.format(Locale.ROOT, "%.2fx", ratio);
    }

    private static String verdict(boolean met) {
        return met ? "yes" : "*no*";
    }

    private static String micros(double nanos) {
        return String.format(Locale.ROOT, "%.1f µs", nanos / 1000);
    }

    static String machine(JsonNode machine) {
        StringBuilder list = new StringBuilder();
        machine.properties().forEach(entry -> list.append("* ").append(entry.getKey()).append(": ")
                .append(entry.getValue().asText()).append('\n'));
        return list.toString();
    }

    private PerformanceReport() {
    }
}
