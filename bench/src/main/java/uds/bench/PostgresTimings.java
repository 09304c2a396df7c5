package uds.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.newsclub.net.unix.AFUNIXSocketFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import uds.support.PostgresCluster;
import uds.support.ThisProcess;
import uds.support.UserDatabase;
import uds.support.testing.SharedDirectory;

/**
 * Lesson 10's measurements: one real PostgreSQL server (support's {@link PostgresCluster}),
 * reached by pgjdbc over its Unix socket with peer authentication (no password) and over TCP on
 * 127.0.0.1 with a SCRAM password, in turns: a new connection for one query, SELECT 1 on an
 * open connection, and a fetch of 10,000 rows. Writes RESULTS/postgres.json.
 *
 * <p>Usage: PostgresTimings RESULTS_DIR
 */
public final class PostgresTimings {

    static final int ROWS = 10_000;
    static final String TCP_ROLE = "measured";
    static final String TCP_PASSWORD = "only-a-measurement";

    /** What is timed, and how often: each sample alternates between the two ways in. */
    enum Task {
        CONNECT("new connection, SELECT 1, close", 300),
        SELECT_1("SELECT 1 on an open connection", 5_000),
        FETCH("10,000 rows on an open connection", 200);

        final String label;
        final int samples;

        Task(String label, int samples) {
            this.label = label;
            this.samples = samples;
        }
    }

    /** The two ways in, as the page names them. */
    enum Way {
        UNIX_PEER("Unix socket, peer (no password)"),
        TCP_SCRAM("TCP 127.0.0.1, SCRAM password");

        final String label;

        Way(String label) {
            this.label = label;
        }
    }

    public static void main(String[] args) throws Exception {
        Path results = Files.createDirectories(Path.of(args[0]));
        // Under /tmp, 0755: as root the server runs as postgres, which may not enter a checkout in /root.
        try (SharedDirectory dir = SharedDirectory.create("uds-bench-postgres-")) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("machine", CBaseline.machine());
            report.put("runs", measure(dir.path(), 1.0));
            new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(results.resolve("postgres.json").toFile(), report);
        }
    }

    /** Starts the server, times every task both ways (samples scaled by share), stops it. */
    static List<Map<String, Object>> measure(Path dir, double share) throws IOException, InterruptedException, SQLException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (PostgresCluster cluster = PostgresCluster.initdb(dir.resolve("pg"), Optional.empty(), port)) {
            cluster.appendToConfiguration(List.of("listen_addresses = '127.0.0.1'", "password_encryption = 'scram-sha-256'"));
            cluster.writeHba(List.of(
                    "local   all  all                 peer",
                    "host    all  all  127.0.0.1/32   scram-sha-256"));
            cluster.start();
            String me = UserDatabase.userName(ThisProcess.uid()).orElseThrow();
            cluster.sql((me.equals(cluster.ownerName()) ? "" : "CREATE ROLE \"" + me + "\" LOGIN;\n")
                    + "CREATE ROLE " + TCP_ROLE + " LOGIN PASSWORD '" + TCP_PASSWORD + "';\n"
                    + "CREATE TABLE rows (id integer PRIMARY KEY, body text NOT NULL);\n"
                    + "INSERT INTO rows SELECT n, 'row number ' || n FROM generate_series(1, " + ROWS + ") AS n;\n"
                    + "GRANT SELECT ON rows TO PUBLIC;\n");
            Map<Way, Login> logins = Map.of(
                    Way.UNIX_PEER, new Login("jdbc:postgresql://localhost/postgres?socketFactory="
                            + AFUNIXSocketFactory.FactoryArg.class.getName() + "&socketFactoryArg=" + cluster.socket()
                            + "&sslmode=disable", me, null),
                    Way.TCP_SCRAM, new Login("jdbc:postgresql://127.0.0.1:" + port + "/postgres?sslmode=disable",
                            TCP_ROLE, TCP_PASSWORD));
            List<Map<String, Object>> runs = new ArrayList<>();
            for (Task task : Task.values()) {
                int samples = Math.max(3, (int) (task.samples * share));
                Map<Way, long[]> nanos = time(task, logins, samples);
                for (Way way : Way.values()) {
                    long[] sorted = nanos.get(way);
                    Arrays.sort(sorted);
                    Map<String, Object> run = new LinkedHashMap<>();
                    run.put("task", task.name());
                    run.put("way", way.name());
                    run.put("samples", sorted.length);
                    run.put("p50_us", HttpOverUnix.percentile(sorted, 0.50) / 1000.0);
                    run.put("p99_us", HttpOverUnix.percentile(sorted, 0.99) / 1000.0);
                    System.out.println(run);
                    runs.add(run);
                }
            }
            return runs;
        }
    }

    /** How to log in one way: the URL, the role, and the password (none for peer). */
    record Login(String url, String role, String password) {

        Connection open() throws SQLException {
            Properties properties = new Properties();
            properties.setProperty("user", role);
            if (password != null) {
                properties.setProperty("password", password);
            }
            return DriverManager.getConnection(url, properties);
        }
    }

    // tag::time[]
    /** samples of task each way, in turns, after a warm-up of a tenth as many. */
    private static Map<Way, long[]> time(Task task, Map<Way, Login> logins, int samples) throws SQLException {
        Map<Way, Connection> open = new LinkedHashMap<>();
        Map<Way, long[]> nanos = new LinkedHashMap<>();
        try {
            for (Way way : Way.values()) {
                open.put(way, logins.get(way).open());
                nanos.put(way, new long[samples]);
            }
            int warmup = Math.max(1, samples / 10);
            for (int i = -warmup; i < samples; i++) {
                for (Way way : Way.values()) {
                    long start = System.nanoTime();
                    switch (task) {
                        case CONNECT -> {
                            try (Connection connection = logins.get(way).open()) {
                                selectOne(connection);
                            }
                        }
                        case SELECT_1 -> selectOne(open.get(way));
                        case FETCH -> fetch(open.get(way));
                    }
                    if (i >= 0) {
                        nanos.get(way)[i] = System.nanoTime() - start;
                    }
                }
            }
        } finally {
            for (Connection connection : open.values()) {
                connection.close();
            }
        }
        return nanos;
    }
    // end::time[]

    private static void selectOne(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery("SELECT 1")) {
            row.next();
        }
    }

    private static void fetch(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT id, body FROM rows")) {
            int count = 0;
            while (rows.next()) {
                rows.getInt(1);
                rows.getString(2);
                count++;
            }
            if (count != ROWS) {
                throw new SQLException("fetched " + count + " rows, not " + ROWS);
            }
        }
    }

    private PostgresTimings() {
    }
}
