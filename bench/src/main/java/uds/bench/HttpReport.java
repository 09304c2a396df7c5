package uds.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns RESULTS/http.json (from {@link HttpOverUnix}) into the HTTP table, chart and findings
 * of docs/performance.adoc, every build, from the committed run: each listener beside TCP.
 */
final class HttpReport {

    /** One point: its median numbers and the lowest and highest requests/s of its repetitions. */
    record Point(String listener, String server, int connections, long failed, double requestsPerSecond,
                 double slowest, double fastest, double p50, double p99) {

        boolean isTcp() {
            return listener.equals(HttpService.Listener.TCP.name());
        }
    }

    static List<Point> points(JsonNode report) {
        List<Point> points = new ArrayList<>();
        for (JsonNode run : report.get("runs")) {
            Spread spread = Spread.of(run);
            points.add(new Point(run.get("listener").asText(), run.get("server").asText(), run.get("connections").asInt(),
                    run.get("failed").asLong(), run.get("requests_per_s").asDouble(), spread.slowest(), spread.fastest(),
                    run.get("p50_us").asDouble(), run.get("p99_us").asDouble()));
        }
        return points;
    }

    static void write(JsonNode report, Path out) throws IOException {
        List<Point> points = points(report);
        Files.writeString(out.resolve("http.adoc"), table(points));
        Files.writeString(out.resolve("http-findings.adoc"), findings(points));
        Files.writeString(out.resolve("http-setup.adoc"), String.format(Locale.ROOT,
                "Jetty %s; each point: %.0f s of warm-up, then %.0f s measured, %d times (the table shows the median).%n",
                report.get("jetty").asText(), report.get("warmup_s").asDouble(), report.get("measure_s").asDouble(),
                report.get("runs").get(0).get("repetitions").size()));
        Files.writeString(out.resolve("http.svg"), BarChart.svg("GET /v1/version: requests per second (median)",
                points.stream().map(HttpReport::label).toList(), points.stream().map(Point::requestsPerSecond).toList(),
                "%,.0f/s", row -> points.get(row).isTcp()));
    }

    private static String label(Point point) {
        return String.format(Locale.ROOT, "%s, %d connection%s", point.server(), point.connections(),
                point.connections() == 1 ? "" : "s");
    }

    private static Point tcp(List<Point> points, int connections) {
        return points.stream().filter(point -> point.isTcp() && point.connections() == connections).findFirst().orElseThrow();
    }

    static String table(List<Point> points) {
        StringBuilder table = new StringBuilder("""
                [cols="1,2,2,2,1,1,1,1",options="header"]
                |===
                | connections | listener | requests/s | lowest to highest | vs TCP | p50 | p99 | p99 vs TCP
                """);
        for (Point point : points) {
            Point tcp = tcp(points, point.connections());
            table.append(String.format(Locale.ROOT, "| %d | %s | %,.0f | %,.0f to %,.0f | %.2fx | %.1f µs | %.1f µs | %.2fx%n",
                    point.connections(), point.server() + (point.failed() == 0 ? "" : " (" + point.failed() + " failed)"),
                    point.requestsPerSecond(), point.slowest(), point.fastest(),
                    point.requestsPerSecond() / tcp.requestsPerSecond(), point.p50(), point.p99(), point.p99() / tcp.p99()));
        }
        return table.append("|===\n").toString();
    }

    /** What the run says, from the same numbers; a difference inside the spread is said to be none. */
    static String findings(List<Point> points) {
        StringBuilder text = new StringBuilder();
        for (Point point : points) {
            if (point.isTcp()) {
                continue;
            }
            Point tcp = tcp(points, point.connections());
            boolean overlap = point.slowest() <= tcp.fastest() && tcp.slowest() <= point.fastest();
            text.append(String.format(Locale.ROOT, "* With %d connection%s the %s served %.2fx the requests/s of TCP"
                            + " (median of each), its p99 %.2fx of TCP's. %s%n",
                    point.connections(), point.connections() == 1 ? "" : "s", point.server(),
                    point.requestsPerSecond() / tcp.requestsPerSecond(), point.p99() / tcp.p99(),
                    overlap ? "Their repetitions overlap: this run shows no clear difference in requests/s."
                            : "No repetition of one reached the other's range."));
        }
        if (points.stream().anyMatch(point -> point.failed() > 0)) {
            text.append("* Some connections failed: the numbers above are not complete.\n");
        }
        return text.toString();
    }

    private HttpReport() {
    }
}
