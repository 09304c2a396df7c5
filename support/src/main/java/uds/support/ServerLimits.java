package uds.support;

import java.time.Duration;

/**
 * What peers may cost a server: how many connections may be open at once, how many of them
 * one user may hold, and how long a connection may take to send a complete request. Every
 * server here takes them as {@code --max-connections}, {@code --max-per-user} and
 * {@code --idle-timeout}.
 */
public record ServerLimits(int maxConnections, int maxPerUser, Duration idleTimeout) {

    public static final ServerLimits DEFAULT = new ServerLimits(AcceptLoop.DEFAULT_MAX_CONNECTIONS,
            defaultPerUser(AcceptLoop.DEFAULT_MAX_CONNECTIONS), Duration.ofSeconds(60));

    /** The options as the usage texts list them. */
    public static final String USAGE = """
              --max-connections N   connections served at once; more are refused (default 256)
              --max-per-user N      connections one user may hold at once (default: a quarter
                                    of --max-connections, so no user can lock out the others)
              --idle-timeout S      close a connection that has not sent a complete request for
                                    S seconds, or cannot take a reply in S seconds (default 60)
            """;

    /** The option names, for a command's list of options. */
    public static final String[] OPTIONS = {"--max-connections", "--max-per-user", "--idle-timeout"};

    public static ServerLimits from(Arguments arguments) throws UsageException {
        int max = arguments.count("--max-connections", 1, 100_000, DEFAULT.maxConnections());
        return new ServerLimits(max,
                arguments.count("--max-per-user", 1, 100_000, defaultPerUser(max)),
                Duration.ofSeconds(arguments.count("--idle-timeout", 1, 86_400, (int) DEFAULT.idleTimeout().toSeconds())));
    }

    /** A quarter of the shared cap: a user who holds all of theirs leaves three quarters to the others. */
    public static int defaultPerUser(int maxConnections) {
        return Math.max(1, maxConnections / 4);
    }
}
