package uds.bench;

import java.util.DoubleSummaryStatistics;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The lowest and highest requests/s among one point's repetitions, as {@link ManyClients} and
 * {@link HttpOverUnix} write them: how far a median can be trusted.
 */
record Spread(double slowest, double fastest) {

    static Spread of(JsonNode run) {
        DoubleSummaryStatistics rates = new DoubleSummaryStatistics();
        run.get("repetitions").forEach(repetition -> rates.accept(repetition.get("requests_per_s").asDouble()));
        return new Spread(rates.getMin(), rates.getMax());
    }
}
