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
 * Turns RESULTS/many-clients.json (from {@link ManyClients}) into the many-clients tables,
 * charts and findings of docs/performance.adoc, every build, from the committed run.
 */
final class ManyClientsReport {

    /** The goal of the bench issue: the best Java model, pinned, within 1.15x of C's round trips/s and 1.3x of its p99. */
    static final double THROUGHPUT_TARGET = 1.15;
    static final double P99_TARGET = 1.3;

    /**
     * One point's medians, and the lowest and highest round trips/s of its repetitions; vsC and
     * p99VsC are the medians of its ratios to the C run just before each repetition (NaN where
     * none ran: C itself, a quick run without C, unpinned and small-heap points).
     */
    record Run(String model, String server, int connections, boolean pinned, String heap, int connected, long failed,
               double requestsPerSecond, double slowest, double fastest, double p50, double p99, long rssReadyKiB,
               long rssKiB, long threads, double vsC, double p99VsC) {

        boolean isC() {
            return model.equals(ManyClients.C_MODEL);
        }

        boolean complete() {
            return connected == connections && failed == 0;
        }

        boolean isMain() {
            return pinned && heap.equals("default");
        }
    }

    static List<Run> runs(JsonNode report) {
        List<Run> runs = new ArrayList<>();
        for (JsonNode run : report.get("runs")) {
            Spread spread = Spread.of(run);
            runs.add(new Run(run.get("model").asText(), run.get("server").asText(), run.get("connections").asInt(),
                    run.get("pinned").asBoolean(), run.get("heap").asText(), run.get("connected").asInt(),
                    run.get("failed").asLong(), run.get("requests_per_s").asDouble(), spread.slowest(), spread.fastest(),
                    run.get("p50_us").asDouble(), run.get("p99_us").asDouble(), run.path("server_rss_kib_ready").asLong(),
                    run.get("server_rss_kib_peak").asLong(), run.get("server_threads_peak").asLong(),
                    run.path("vs_c").asDouble(Double.NaN), run.path("p99_vs_c").asDouble(Double.NaN)));
        }
        return runs;
    }

    static void write(JsonNode report, Path out) throws IOException {
        List<Run> runs = runs(report);
        Files.writeString(out.resolve("many-clients.adoc"), table(main(runs)));
        Files.writeString(out.resolve("many-clients-placement.adoc"), placementTable(runs));
        Files.writeString(out.resolve("many-clients-heap.adoc"), heapTable(runs));
        Files.writeString(out.resolve("many-clients-findings.adoc"), findings(runs));
        Files.writeString(out.resolve("many-clients-setup.adoc"), String.format(Locale.ROOT,
                "Each point: %.1f s of warm-up, then %.1f s measured, %d times (the tables show the median); each Java"
                        + " point pinned right after a C point of its own, \"vs C\" the median of those pairs' ratios;"
                        + " descriptor limit (hard) %d; small heap: `%s`.%n",
                report.get("warmup_s").asDouble(), report.get("measure_s").asDouble(), report.get("repetitions").asInt(),
                report.get("descriptor_limit").asLong(), report.get("small_heap").asText()));
        for (int connections : ManyClients.GOAL_CONNECTIONS) {
            Files.writeString(out.resolve("many-clients-" + connections + ".svg"), chart(runs, connections));
        }
    }

    /**
     * The main runs at N as the goal judges them, each against C: the pairs' ratios, since medians of
     * round trips/s measured minutes apart would chart the machine's drift.
     */
    static String chart(List<Run> runs, int connections) {
        List<Run> at = at(main(runs), connections);
        Optional<Run> c = c(at, connections);
        return BarChart.svg(String.format(Locale.ROOT, "%,d connections, pinned: round trips per second against C's",
                        connections), at.stream().map(Run::server).toList(),
                at.stream().map(run -> vsC(run, c).orElse(0.0)).toList(), "%.2fx");
    }

    /** The runs the main table and the goal are about: pinned, default heap (unpinned where pinning was impossible). */
    static List<Run> main(List<Run> runs) {
        boolean anyPinned = runs.stream().anyMatch(Run::pinned);
        return runs.stream().filter(run -> run.heap().equals("default") && run.pinned() == anyPinned).toList();
    }

    private static List<Run> at(List<Run> runs, int connections) {
        return runs.stream().filter(run -> run.connections() == connections).toList();
    }

    private static Optional<Run> c(List<Run> runs, int connections) {
        return at(runs, connections).stream().filter(Run::isC).findFirst();
    }

    /** A run's round trips/s against C's: paired with the C run before each repetition where it was. */
    private static Optional<Double> vsC(Run run, Optional<Run> c) {
        return !Double.isNaN(run.vsC()) ? Optional.of(run.vsC())
                : c.map(baseline -> run.requestsPerSecond() / baseline.requestsPerSecond());
    }

    /** A run's p99 against C's, paired like {@link #vsC}. */
    private static Optional<Double> p99VsC(Run run, Optional<Run> c) {
        return !Double.isNaN(run.p99VsC()) ? Optional.of(run.p99VsC()) : c.map(baseline -> run.p99() / baseline.p99());
    }

    // tag::table[]
    static String table(List<Run> runs) {
        StringBuilder table = new StringBuilder("""
                [cols="1,4,2,3,1,2,2,1,2,1",options="header"]
                |===
                | N | server | round trips/s | lowest to highest | vs C | p50 | p99 | p99 vs C | server RSS | threads
                """);
        for (Run run : runs) {
            Optional<Run> c = c(runs, run.connections()); // a quick run may leave C out
            table.append(String.format(Locale.ROOT, "| %,d | %s | %,.0f | %,.0f to %,.0f | %s | %s | %s | %s | %,d MiB | %d%n",
                    run.connections(), run.server() + (run.complete() ? "" : " (" + run.connected() + " connected, "
                            + run.failed() + " failed)"),
                    run.requestsPerSecond(), run.slowest(), run.fastest(),
                    vsC(run, c).map(ManyClientsReport::ratio).orElse("–"),
                    micros(run.p50()), micros(run.p99()), p99VsC(run, c).map(ManyClientsReport::ratio).orElse("–"),
                    run.rssKiB() / 1024, run.threads()));
        }
        return table.append("|===\n").toString();
    }
    // end::table[]

    /** Each server pinned beside unpinned, where both ran. */
    static String placementTable(List<Run> runs) {
        StringBuilder table = new StringBuilder("""
                [cols="1,4,2,2,1",options="header"]
                |===
                | N | server | pinned round trips/s | unpinned | unpinned vs pinned
                """);
        for (Run pinned : runs.stream().filter(Run::isMain).toList()) {
            runs.stream().filter(run -> !run.pinned() && run.heap().equals("default") && run.model().equals(pinned.model())
                    && run.connections() == pinned.connections()).findFirst().ifPresent(unpinned -> table.append(
                    String.format(Locale.ROOT, "| %,d | %s | %,.0f | %,.0f | %.2fx%n", pinned.connections(), pinned.server(),
                            pinned.requestsPerSecond(), unpinned.requestsPerSecond(),
                            unpinned.requestsPerSecond() / pinned.requestsPerSecond())));
        }
        return table.append("|===\n").toString();
    }

    /**
     * Each Java server's memory with the JVM's default heap beside the small heap, where both ran;
     * with the small heap, the growth per connection: (peak RSS under load − RSS when ready) / N.
     */
    static String heapTable(List<Run> runs) {
        StringBuilder table = new StringBuilder("""
                [cols="1,4,2,2,2,2",options="header"]
                |===
                | N | server | RSS, default heap | RSS, small heap | per connection, small heap | round trips/s, small vs default
                """);
        for (Run small : runs.stream().filter(run -> run.heap().equals("small")).toList()) {
            runs.stream().filter(run -> run.heap().equals("default") && run.pinned() == small.pinned()
                    && run.model().equals(small.model()) && run.connections() == small.connections()).findFirst()
                    .ifPresent(normal -> table.append(String.format(Locale.ROOT, "| %,d | %s | %,d MiB | %,d MiB | %.1f KiB | %.2fx%n",
                            small.connections(), small.server(), normal.rssKiB() / 1024, small.rssKiB() / 1024,
                            (small.rssKiB() - small.rssReadyKiB()) / (double) small.connections(),
                            small.requestsPerSecond() / normal.requestsPerSecond())));
        }
        return table.append("|===\n").toString();
    }

    /** What the run says, computed from the same numbers as the tables. */
    static String findings(List<Run> runs) {
        StringBuilder text = new StringBuilder();
        List<Run> main = main(runs);
        for (int connections : ManyClients.GOAL_CONNECTIONS) {
            Optional<Run> c = c(main, connections);
            Optional<Run> best = at(main, connections).stream().filter(run -> !run.isC() && run.complete())
                    .max(Comparator.comparingDouble(run -> vsC(run, c).orElse(0.0)));
            if (c.isEmpty() || best.isEmpty()) {
                continue;
            }
            double throughput = 1 / vsC(best.get(), c).orElseThrow();
            double p99 = p99VsC(best.get(), c).orElseThrow();
            boolean met = throughput <= THROUGHPUT_TARGET && p99 <= P99_TARGET;
            text.append(String.format(Locale.ROOT, "* At %,d connections the best Java server, %s, made %,.0f round trips/s."
                            + " Against the C run just before each of its repetitions (the median of the pairs), C made"
                            + " %.2fx as many, and its p99 was %.2fx of C's. The goal (within %.2fx and %.1fx): %s.%n",
                    connections, best.get().server(), best.get().requestsPerSecond(), throughput, p99, THROUGHPUT_TARGET,
                    P99_TARGET, met ? "met" : "*missed*"));
        }
        List<Integer> sizes = main.stream().map(Run::connections).distinct().sorted().toList();
        if (sizes.size() >= 2) {
            // Between the two largest N, where connections, not the JVM's start, make the difference.
            int most = sizes.getLast();
            int fewer = sizes.get(sizes.size() - 2);
            List<String> perConnection = new ArrayList<>();
            for (Run large : at(main, most)) {
                at(main, fewer).stream().filter(small -> small.model().equals(large.model())).findFirst().ifPresent(small -> {
                    double kib = (large.rssKiB() - small.rssKiB()) / (double) (most - fewer);
                    perConnection.add(large.server() + " " + (kib > 0.05 ? String.format(Locale.ROOT, "%.1f KiB", kib)
                            : "no growth the run could measure (" + String.format(Locale.ROOT, "%.1f", kib) + " KiB)"));
                });
            }
            text.append(String.format(Locale.ROOT, "* Server memory per connection, (RSS at %,d − RSS at %,d) / %,d: %s.%n",
                    most, fewer, most - fewer, String.join("; ", perConnection)));
        }
        List<String> incomplete = runs.stream().filter(run -> !run.complete())
                .map(run -> String.format(Locale.ROOT, "%s at %,d (%s, %s heap: %d connected, %d failed)", run.server(),
                        run.connections(), run.pinned() ? "pinned" : "unpinned", run.heap(), run.connected(), run.failed()))
                .toList();
        text.append(incomplete.isEmpty() ? "* Every server kept every connection of every run.\n"
                : "* Not every connection was served: " + String.join("; ", incomplete) + ".\n");
        return text.toString();
    }

    private static String ratio(double ratio) {
        return String.format(Locale.ROOT, "%.2fx", ratio);
    }

    private static String micros(double micros) {
        return micros >= 1000 ? String.format(Locale.ROOT, "%.1f ms", micros / 1000) : String.format(Locale.ROOT, "%.1f µs", micros);
    }

    private ManyClientsReport() {
    }
}
