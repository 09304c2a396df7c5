package uds.support;

import java.time.Duration;

/**
 * What one peer may cost a server: how many connections may be open at once, and how long a
 * connection may stay silent. Every server here takes them as {@code --max-connections} and
 * {@code --idle-timeout}.
 */
public record ServerLimits(int maxConnections, Duration idleTimeout) {

    public static final ServerLimits DEFAULT = new ServerLimits(AcceptLoop.DEFAULT_MAX_CONNECTIONS, Duration.ofSeconds(60));

    /** The two options as the usage texts list them. */
    public static final String USAGE = """
              --max-connections N   connections served at once; more are refused (default 256)
              --idle-timeout S      close a connection silent for S seconds (default 60)
            """;

    public static ServerLimits from(Arguments arguments) throws UsageException {
        return new ServerLimits(
                arguments.count("--max-connections", 1, 100_000, DEFAULT.maxConnections()),
                Duration.ofSeconds(arguments.count("--idle-timeout", 1, 86_400, (int) DEFAULT.idleTimeout().toSeconds())));
    }
}
