package uds.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns RESULTS/postgres.json (from {@link PostgresTimings}) into lesson 10's table, every
 * build, from the committed run: each task over the Unix socket with peer authentication beside
 * TCP with a SCRAM password.
 */
final class PostgresReport {

    record Timing(String task, String way, int samples, double p50, double p99) {
    }

    static List<Timing> timings(JsonNode report) {
        List<Timing> timings = new ArrayList<>();
        for (JsonNode run : report.get("runs")) {
            timings.add(new Timing(run.get("task").asText(), run.get("way").asText(), run.get("samples").asInt(),
                    run.get("p50_us").asDouble(), run.get("p99_us").asDouble()));
        }
        return timings;
    }

    static void write(JsonNode report, Path out) throws IOException {
        Files.writeString(out.resolve("postgres.adoc"), table(timings(report)));
    }

    static String table(List<Timing> timings) {
        StringBuilder table = new StringBuilder("""
                [cols="3,3,1,1,1,1",options="header"]
                |===
                | task | way in | samples | p50 | p99 | p50 vs TCP
                """);
        for (Timing timing : timings) {
            Timing tcp = timings.stream().filter(other -> other.task().equals(timing.task())
                    && other.way().equals(PostgresTimings.Way.TCP_SCRAM.name())).findFirst().orElseThrow();
            table.append(String.format(Locale.ROOT, "| %s | %s | %,d | %s | %s | %.2fx%n",
                    PostgresTimings.Task.valueOf(timing.task()).label, PostgresTimings.Way.valueOf(timing.way()).label,
                    timing.samples(), time(timing.p50()), time(timing.p99()), timing.p50() / tcp.p50()));
        }
        return table.append("|===\n").toString();
    }

    private static String time(double micros) {
        return micros >= 1000 ? String.format(Locale.ROOT, "%.2f ms", micros / 1000) : String.format(Locale.ROOT, "%.0f µs", micros);
    }

    private PostgresReport() {
    }
}
