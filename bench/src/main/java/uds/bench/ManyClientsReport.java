package uds.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns RESULTS/many-clients.json (from {@link ManyClients}) into the many-clients table,
 * charts and findings of docs/performance.adoc, every build, from the committed run.
 */
final class ManyClientsReport {

    /** The goal of the many-clients issue: the best Java model at N = 1,000 within 1.2x of C. */
    static final double TARGET = 1.2;
    static final int GOAL_CONNECTIONS = 1_000;

    record Run(String server, int connections, int connected, int failed, double requestsPerSecond, double p50,
               double p99, long rssKiB, long threads) {

        boolean isC() {
            return server.equals(ManyClients.C_SERVER);
        }

        boolean complete() {
            return connected == connections && failed == 0;
        }
    }

    static List<Run> runs(JsonNode report) {
        List<Run> runs = new ArrayList<>();
        for (JsonNode run : report.get("runs")) {
            runs.add(new Run(run.get("server").asText(), run.get("connections").asInt(), run.get("connected").asInt(),
                    run.get("failed").asInt(), run.get("requests_per_s").asDouble(), run.get("p50_us").asDouble(),
                    run.get("p99_us").asDouble(), run.get("server_rss_kib_peak").asLong(),
                    run.get("server_threads_peak").asLong()));
        }
        return runs;
    }

    static void write(JsonNode report, Path out) throws IOException {
        List<Run> runs = runs(report);
        Files.writeString(out.resolve("many-clients.adoc"), table(runs));
        Files.writeString(out.resolve("many-clients-findings.adoc"), findings(runs));
        Files.writeString(out.resolve("many-clients-setup.adoc"), String.format(Locale.ROOT,
                "Each run: %.0f s of warm-up, then %.0f s measured; descriptor limit (hard) %d.%n",
                report.get("warmup_s").asDouble(), report.get("measure_s").asDouble(), report.get("descriptor_limit").asLong()));
        for (int connections : List.of(GOAL_CONNECTIONS, 10_000)) {
            List<Run> at = at(runs, connections);
            Files.writeString(out.resolve("many-clients-" + connections + ".svg"), BarChart.svg(
                    String.format(Locale.ROOT, "%,d connections: round trips per second", connections),
                    at.stream().map(Run::server).toList(), at.stream().map(Run::requestsPerSecond).toList(), "%,.0f/s"));
        }
    }

    private static List<Run> at(List<Run> runs, int connections) {
        return runs.stream().filter(run -> run.connections() == connections).toList();
    }

    private static Optional<Run> c(List<Run> runs, int connections) {
        return at(runs, connections).stream().filter(Run::isC).findFirst();
    }

    // tag::table[]
    static String table(List<Run> runs) {
        StringBuilder table = new StringBuilder("""
                [cols="1,4,2,1,2,2,1,2,1",options="header"]
                |===
                | N | server | round trips/s | vs C | p50 | p99 | p99 vs C | server RSS | threads
                """);
        for (Run run : runs) {
            Run c = c(runs, run.connections()).orElseThrow();
            table.append(String.format(Locale.ROOT, "| %,d | %s | %,.0f | %.2fx | %s | %s | %.2fx | %,d MiB | %d%n",
                    run.connections(), run.server() + (run.complete() ? "" : " (" + run.connected() + " connected, "
                            + run.failed() + " failed)"),
                    run.requestsPerSecond(), run.requestsPerSecond() / c.requestsPerSecond(), micros(run.p50()),
                    micros(run.p99()), run.p99() / c.p99(), run.rssKiB() / 1024, run.threads()));
        }
        return table.append("|===\n").toString();
    }
    // end::table[]

    /** What the run says, computed from the same numbers as the table. */
    static String findings(List<Run> runs) {
        StringBuilder text = new StringBuilder();
        Run c = c(runs, GOAL_CONNECTIONS).orElseThrow();
        Run best = at(runs, GOAL_CONNECTIONS).stream().filter(run -> !run.isC() && run.complete())
                .max(Comparator.comparingDouble(Run::requestsPerSecond)).orElseThrow();
        double throughput = c.requestsPerSecond() / best.requestsPerSecond();
        double p99 = best.p99() / c.p99();
        boolean met = throughput <= TARGET && p99 <= TARGET;
        text.append(String.format(Locale.ROOT, "* At %,d connections the best Java server, %s, made %,.0f round trips/s:"
                        + " C made %.2fx as many; its p99 was %.2fx of C's. The goal (both within %.1fx): %s.%n",
                GOAL_CONNECTIONS, best.server(), best.requestsPerSecond(), throughput, p99, TARGET, met ? "met" : "*missed*"));
        // Between the two largest N, where connections, not the JVM's start, make the difference.
        List<Integer> sizes = runs.stream().map(Run::connections).distinct().sorted().toList();
        int most = sizes.getLast();
        int fewer = sizes.get(sizes.size() - 2);
        List<String> perConnection = new ArrayList<>();
        for (Run large : at(runs, most)) {
            at(runs, fewer).stream().filter(small -> small.server().equals(large.server())).findFirst().ifPresent(small -> {
                double kib = (large.rssKiB() - small.rssKiB()) / (double) (most - fewer);
                perConnection.add(large.server() + " " + (kib > 0.05 ? String.format(Locale.ROOT, "%.1f KiB", kib)
                        : "no growth the run could measure (" + String.format(Locale.ROOT, "%.1f", kib) + " KiB)"));
            });
        }
        text.append(String.format(Locale.ROOT, "* Server memory per connection, (RSS at %,d − RSS at %,d) / %,d: %s.%n",
                most, fewer, most - fewer, String.join("; ", perConnection)));
        List<String> threads = at(runs, most).stream()
                .map(run -> String.format(Locale.ROOT, "%s %,d", run.server(), run.threads())).toList();
        text.append(String.format(Locale.ROOT, "* Threads at %,d connections: %s.%n", most, String.join("; ", threads)));
        List<String> incomplete = runs.stream().filter(run -> !run.complete())
                .map(run -> String.format(Locale.ROOT, "%s at %,d (%d connected, %d failed)", run.server(),
                        run.connections(), run.connected(), run.failed())).toList();
        text.append(incomplete.isEmpty() ? "* Every server kept every connection of every run.\n"
                : "* Not every connection was served: " + String.join("; ", incomplete) + ".\n");
        return text.toString();
    }

    private static String micros(double micros) {
        return micros >= 1000 ? String.format(Locale.ROOT, "%.1f ms", micros / 1000) : String.format(Locale.ROOT, "%.1f µs", micros);
    }

    private ManyClientsReport() {
    }
}
