package uds.postgrespeer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import uds.support.OtherUser;
import uds.support.ThisProcess;
import uds.support.UserDatabase;

/**
 * A real PostgreSQL server (Debian package postgresql), started the way a developer starts one
 * on a laptop: initdb into a directory, no TCP at all, the socket in a directory of its own,
 * peer authentication for every local connection. PostgreSQL refuses to run as root, so root
 * runs it as the user postgres; anyone else runs it as themselves.
 *
 * <p>DIR/data holds the cluster, DIR/socket the socket and its lock file, DIR/log the log.
 */
public final class LocalPostgres implements AutoCloseable {

    /** The role that ident map {@link #MAP} lets other OS users in as. */
    static final String READER = "reader";
    static final String MAP = "readers";
    /** The OS users the map lets in as {@link #READER}, beside the server's own user. */
    static final String MAPPED_USER = "www-data";
    /** The role the measurements log in as over TCP, with a password (SCRAM). */
    static final String TCP_ROLE = "measured";
    static final String TCP_PASSWORD = "not-a-secret-only-a-measurement";
    /** The table every step reads: 10,000 rows. */
    static final int NOTES = 10_000;

    /**
     * What a start may change: the socket's directory (empty: DIR/socket, the server's own), the
     * socket file's mode, and a TCP port for the measurements (0: no TCP).
     */
    public record Settings(Optional<Path> socketDirectory, String socketPermissions, int tcpPort) {

        public static final Settings DEFAULT = new Settings(Optional.empty(), "0777", 0);

        public Settings withSocketDirectory(Path directory) {
            return new Settings(Optional.of(directory), socketPermissions, tcpPort);
        }

        public Settings withSocketPermissions(String mode) {
            return new Settings(socketDirectory, mode, tcpPort);
        }

        public Settings withTcpPort(int port) {
            return new Settings(socketDirectory, socketPermissions, port);
        }
    }

    private final Path dir;
    private final Path socketDirectory;
    private final Path bin;
    private final Optional<OtherUser> owner;
    private final String ownerName;
    private final int port;
    private boolean running;

    private LocalPostgres(Path dir, Path socketDirectory, Path bin, Optional<OtherUser> owner, String ownerName, int port) {
        this.dir = dir;
        this.socketDirectory = socketDirectory;
        this.bin = bin;
        this.owner = owner;
        this.ownerName = ownerName;
        this.port = port;
    }

    /** Where PostgreSQL's programs are: the newest /usr/lib/postgresql/VERSION/bin with initdb. */
    public static Optional<Path> binaries() throws IOException {
        Path versions = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(versions)) {
            return Optional.empty();
        }
        try (Stream<Path> found = Files.list(versions)) {
            return found.filter(version -> version.getFileName().toString().matches("\\d+"))
                    .max(Comparator.comparingInt(version -> Integer.parseInt(version.getFileName().toString())))
                    .map(version -> version.resolve("bin"))
                    .filter(candidate -> Files.isExecutable(candidate.resolve("initdb")));
        }
    }

    /**
     * initdb, the lesson's configuration, start, then the lesson's roles and table. DIR must be
     * empty and, as root, enterable by the user postgres. With a TCP port, also 127.0.0.1:PORT
     * with SCRAM passwords (for the measurements), and the socket is named after that port too
     * (.s.PGSQL.PORT).
     */
    public static LocalPostgres start(Path dir, Settings settings) throws IOException, InterruptedException {
        int tcpPort = settings.tcpPort();
        Path bin = binaries().orElseThrow(() -> new IOException(
                "PostgreSQL is not installed (Debian: apt-get install postgresql)"));
        Optional<OtherUser> owner = ThisProcess.isRoot()
                ? Optional.of(OtherUser.named("postgres").orElseThrow(() -> new IOException(
                        "PostgreSQL does not run as root, and there is no user postgres to run it as")))
                : Optional.empty();
        String ownerName = owner.map(OtherUser::name).orElseGet(QueryCommand::osUser);
        LocalPostgres server = new LocalPostgres(dir, settings.socketDirectory().orElse(dir.resolve("socket")), bin, owner,
                ownerName, tcpPort == 0 ? 5432 : tcpPort);
        server.initdb(settings.socketDirectory().isEmpty());
        server.configure(settings.socketPermissions(), tcpPort);
        server.run(List.of(bin.resolve("pg_ctl").toString(), "-D", server.data().toString(), "-l",
                server.log().toString(), "-w", "-t", "60", "start"));
        server.running = true;
        try {
            server.psql(server.setup(tcpPort));
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** The directory PostgreSQL puts its socket and lock file in. */
    public Path socketDirectory() {
        return socketDirectory;
    }

    /** .s.PGSQL.PORT, the name every client derives from the port. */
    public Path socket() {
        return socketDirectory().resolve(".s.PGSQL." + port);
    }

    public int port() {
        return port;
    }

    /** The OS user the server runs as: also its first role, a superuser. */
    public String ownerName() {
        return ownerName;
    }

    public Path log() {
        return dir.resolve("log/server.log");
    }

    Path data() {
        return dir.resolve("data");
    }

    private void initdb(boolean ownSocketDirectory) throws IOException, InterruptedException {
        for (String name : ownSocketDirectory ? List.of("data", "socket", "log") : List.of("data", "log")) {
            Path made = Files.createDirectories(dir.resolve(name));
            // The socket's directory: anyone may enter it; only the server may add or remove files.
            Files.setPosixFilePermissions(made, PosixFilePermissions.fromString(name.equals("data") ? "rwx------" : "rwxr-xr-x"));
            if (owner.isPresent()) {
                giveToOwner(made);
            }
        }
        run(List.of(bin.resolve("initdb").toString(), "-D", data().toString(), "--auth=peer", "--no-sync",
                "--encoding=UTF8", "--locale=C.UTF-8", "--no-instructions"));
    }

    private void giveToOwner(Path path) throws IOException {
        UserPrincipalLookupService names = path.getFileSystem().getUserPrincipalLookupService();
        PosixFileAttributeView attributes = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        attributes.setOwner(names.lookupPrincipalByName(owner.orElseThrow().name()));
        attributes.setGroup(names.lookupPrincipalByGroupName(UserDatabase.groupName(owner.orElseThrow().gid())
                .orElseThrow(() -> new IOException("the user postgres's group has no name"))));
    }

    // tag::configure[]
    private void configure(String socketPermissions, int tcpPort) throws IOException {
        Files.writeString(data().resolve("postgresql.conf"), String.join("\n",
                "",
                "# lesson 10: no TCP unless measuring, the socket in a directory of its own",
                "listen_addresses = '" + (tcpPort == 0 ? "" : "127.0.0.1") + "'",
                "port = " + port,
                "unix_socket_directories = '" + socketDirectory() + "'",
                "unix_socket_permissions = " + socketPermissions,
                "log_connections = on",
                ""), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        // First match wins: the role reader through the map; everyone else as themselves.
        Files.writeString(data().resolve("pg_hba.conf"), String.join("\n",
                "# TYPE  DATABASE  USER    [ADDRESS]      METHOD",
                "local   all       " + READER + "                  peer map=" + MAP,
                "local   all       all                     peer",
                tcpPort == 0 ? "" : "host    all       all     127.0.0.1/32   scram-sha-256",
                ""));
        Files.writeString(data().resolve("pg_ident.conf"), String.join("\n",
                "# MAPNAME  SYSTEM-USERNAME  PG-USERNAME",
                MAP + "    " + MAPPED_USER + "         " + READER,
                MAP + "    " + ownerName + "         " + READER,
                ""));
    }
    // end::configure[]

    /** The lesson's roles and table, made by the server's own user (a superuser) over the socket. */
    private String setup(int tcpPort) {
        List<String> sql = new ArrayList<>(List.of(
                "CREATE ROLE " + READER + " LOGIN",
                "CREATE TABLE notes (id integer PRIMARY KEY, body text NOT NULL)",
                "INSERT INTO notes SELECT n, 'note ' || n FROM generate_series(1, " + NOTES + ") AS n",
                "GRANT SELECT ON notes TO PUBLIC"));
        if (!ownerName.equals("nobody")) {
            sql.add("CREATE ROLE nobody LOGIN");
        }
        if (tcpPort != 0) {
            sql.add("CREATE ROLE " + TCP_ROLE + " LOGIN PASSWORD '" + TCP_PASSWORD + "'");
        }
        return String.join(";\n", sql) + ";\n";
    }

    private void psql(String sql) throws IOException, InterruptedException {
        run(List.of(bin.resolve("psql").toString(), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h",
                socketDirectory().toString(), "-p", Integer.toString(port), "-d", "postgres", "-c", sql));
    }

    /** One of PostgreSQL's programs, as the server's user; its output only if it fails. */
    private void run(List<String> command) throws IOException, InterruptedException {
        List<String> full = owner.map(user -> user.command(command)).orElse(command);
        Process process = new ProcessBuilder(full).redirectErrorStream(true).directory(dir.toFile()).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        if (process.exitValue() != 0) {
            throw new IOException(Path.of(command.getFirst()).getFileName() + " failed (exit " + process.exitValue()
                    + "): " + new String(output, StandardCharsets.UTF_8).strip());
        }
    }

    /** pg_ctl stop -m fast: sessions ended, the socket and its lock file removed by the server. */
    @Override
    public void close() throws IOException, InterruptedException {
        if (running) {
            running = false;
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-m", "fast", "-w", "stop"));
        }
    }
}
