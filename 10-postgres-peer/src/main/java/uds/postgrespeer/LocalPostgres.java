package uds.postgrespeer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import uds.support.PostgresCluster;

/**
 * Lesson 10's PostgreSQL server: a real one (support's {@link PostgresCluster}) configured as
 * the lesson teaches: no TCP, the socket in a directory of its own, peer authentication for
 * every local login, one ident map, a table to read.
 */
public final class LocalPostgres implements AutoCloseable {

    /** The role that ident map {@link #MAP} lets other OS users in as. */
    static final String READER = "reader";
    static final String MAP = "readers";
    /** The OS user the map lets in as {@link #READER}, beside the server's own user. */
    static final String MAPPED_USER = "www-data";
    /** The table every step reads: 10,000 rows. */
    static final int NOTES = 10_000;

    /**
     * What a start may change: the socket's directory (empty: the server's own), and the
     * socket file's mode.
     */
    public record Settings(Optional<Path> socketDirectory, String socketPermissions) {

        public static final Settings DEFAULT = new Settings(Optional.empty(), "0777");

        public Settings withSocketDirectory(Path directory) {
            return new Settings(Optional.of(directory), socketPermissions);
        }

        public Settings withSocketPermissions(String mode) {
            return new Settings(socketDirectory, mode);
        }
    }

    private final PostgresCluster cluster;

    private LocalPostgres(PostgresCluster cluster) {
        this.cluster = cluster;
    }

    /** initdb into DIR, the lesson's configuration, start, then the lesson's roles and table. */
    public static LocalPostgres start(Path dir, Settings settings) throws IOException, InterruptedException {
        PostgresCluster cluster = PostgresCluster.initdb(dir, settings.socketDirectory(), 5432);
        configure(cluster, settings.socketPermissions());
        cluster.start();
        try {
            cluster.sql(setup(cluster.ownerName()));
        } catch (IOException | RuntimeException e) {
            cluster.close();
            throw e;
        }
        return new LocalPostgres(cluster);
    }

    // tag::configure[]
    private static void configure(PostgresCluster cluster, String socketPermissions) throws IOException {
        cluster.appendToConfiguration(List.of(
                "listen_addresses = ''", // no TCP at all: the socket is the only way in
                "unix_socket_permissions = " + socketPermissions,
                "log_connections = on"));
        // First match wins: the role reader through the map; everyone else as themselves.
        cluster.writeHba(List.of(
                "# TYPE  DATABASE  USER    METHOD",
                "local   all       " + READER + "  peer map=" + MAP,
                "local   all       all     peer"));
        cluster.writeIdent(List.of(
                "# MAPNAME  SYSTEM-USERNAME  PG-USERNAME",
                MAP + "    " + MAPPED_USER + "         " + READER,
                MAP + "    " + cluster.ownerName() + "         " + READER));
    }
    // end::configure[]

    /** The lesson's roles and table, made by the server's own user (a superuser). */
    private static String setup(String ownerName) {
        List<String> sql = new ArrayList<>(List.of(
                "CREATE ROLE " + READER + " LOGIN",
                "CREATE TABLE notes (id integer PRIMARY KEY, body text NOT NULL)",
                "INSERT INTO notes SELECT n, 'note ' || n FROM generate_series(1, " + NOTES + ") AS n",
                "GRANT SELECT ON notes TO PUBLIC"));
        if (!ownerName.equals("nobody")) {
            sql.add("CREATE ROLE nobody LOGIN");
        }
        return String.join(";\n", sql) + ";\n";
    }

    public Path socketDirectory() {
        return cluster.socketDirectory();
    }

    public Path socket() {
        return cluster.socket();
    }

    public String ownerName() {
        return cluster.ownerName();
    }

    public Path log() {
        return cluster.log();
    }

    Path data() {
        return cluster.data();
    }

    List<String> asOwner(List<String> command) {
        return cluster.asOwner(command);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        cluster.close();
    }
}
