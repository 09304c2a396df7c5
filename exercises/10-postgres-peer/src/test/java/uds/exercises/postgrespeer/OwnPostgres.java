package uds.exercises.postgrespeer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.junit.jupiter.api.Assumptions;

import uds.support.PostgresCluster;
import uds.support.ThisProcess;
import uds.support.UserDatabase;
import uds.support.testing.SharedDirectory;

/**
 * A real PostgreSQL for the exercises' tests: no TCP, peer authentication, and a role for the
 * user running the tests (root has none of its own otherwise). Skips, saying why, where
 * PostgreSQL is not installed.
 */
final class OwnPostgres implements AutoCloseable {

    private final SharedDirectory dir;
    final PostgresCluster cluster;

    private OwnPostgres(SharedDirectory dir, PostgresCluster cluster) {
        this.dir = dir;
        this.cluster = cluster;
    }

    static OwnPostgres start() throws IOException, InterruptedException {
        Assumptions.assumeTrue(PostgresCluster.binaries().isPresent(),
                "PostgreSQL is not installed (Debian: apt-get install postgresql)");
        SharedDirectory dir = SharedDirectory.create("uds-exercise-postgres-");
        PostgresCluster cluster = null;
        try {
            cluster = PostgresCluster.initdb(dir.path().resolve("pg"), Optional.empty(), 5432);
            cluster.appendToConfiguration(List.of("listen_addresses = ''", "log_connections = on"));
            cluster.writeHba(List.of("local all all peer"));
            cluster.start();
            if (!me().equals(cluster.ownerName())) {
                cluster.sql("CREATE ROLE \"" + me() + "\" LOGIN");
            }
            return new OwnPostgres(dir, cluster);
        } catch (IOException | RuntimeException e) {
            if (cluster != null) {
                cluster.close();
            }
            dir.close();
            throw e;
        }
    }

    /** The OS user running the tests: the role peer authentication lets them in as. */
    static String me() {
        return UserDatabase.userName(ThisProcess.uid()).orElseThrow();
    }

    static Properties login(String role) {
        Properties login = new Properties();
        login.setProperty("user", role);
        login.setProperty("connectTimeout", "10");
        return login;
    }

    /** How many connections the server has logged so far. */
    long connectionsReceived() throws IOException {
        return Files.readString(cluster.log()).lines().filter(line -> line.contains("connection received")).count();
    }

    Path socket() {
        return cluster.socket();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            cluster.close();
        } finally {
            dir.close();
        }
    }
}
