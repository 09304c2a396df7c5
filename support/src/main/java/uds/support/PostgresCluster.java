package uds.support;

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

/**
 * A real PostgreSQL server (Debian package postgresql) in a directory, the way a developer
 * starts one on a laptop: initdb, a configuration of the caller's, pg_ctl start and stop.
 * PostgreSQL refuses to run as root, so root runs it as the user postgres; anyone else runs it
 * as themselves. Used by lesson 10, its exercises and the bench; what to configure is theirs.
 *
 * <p>DIR/data holds the cluster, DIR/log the log, and DIR/socket the socket and its lock file
 * unless the caller names another directory.
 */
public final class PostgresCluster implements AutoCloseable {

    private final Path dir;
    private final Path socketDirectory;
    private final int port;
    private final Path bin;
    private final Optional<OtherUser> owner;
    private final String ownerName;
    private boolean running;

    private PostgresCluster(Path dir, Path socketDirectory, int port, Path bin, Optional<OtherUser> owner,
            String ownerName) {
        this.dir = dir;
        this.socketDirectory = socketDirectory;
        this.port = port;
        this.bin = bin;
        this.owner = owner;
        this.ownerName = ownerName;
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
     * initdb into DIR/data, peer authentication for local logins, UTF-8 and the C locale (so
     * the server's messages are the same everywhere). DIR must be new or empty and, as root,
     * enterable by the user postgres. socketDirectory empty: DIR/socket, made 0755 for the
     * server's user; the socket is named after port (.s.PGSQL.PORT).
     */
    public static PostgresCluster initdb(Path dir, Optional<Path> socketDirectory, int port)
            throws IOException, InterruptedException {
        Path bin = binaries().orElseThrow(() -> new IOException(
                "PostgreSQL is not installed (Debian: apt-get install postgresql)"));
        Optional<OtherUser> owner = ThisProcess.isRoot()
                ? Optional.of(OtherUser.named("postgres").orElseThrow(() -> new IOException(
                        "PostgreSQL does not run as root, and there is no user postgres to run it as")))
                : Optional.empty();
        String ownerName = owner.map(OtherUser::name).orElseGet(ThisProcess::userName);
        PostgresCluster cluster = new PostgresCluster(dir, socketDirectory.orElse(dir.resolve("socket")), port, bin,
                owner, ownerName);
        List<String> made = new ArrayList<>(List.of("data", "log"));
        if (socketDirectory.isEmpty()) {
            made.add("socket");
        }
        for (String name : made) {
            Path path = Files.createDirectories(dir.resolve(name));
            // The socket's directory: anyone may enter it; only the server may add or remove files.
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(name.equals("data") ? "rwx------" : "rwxr-xr-x"));
            if (owner.isPresent()) {
                cluster.giveToOwner(path);
            }
        }
        cluster.run(List.of(bin.resolve("initdb").toString(), "-D", cluster.data().toString(), "--auth=peer",
                "--no-sync", "--encoding=UTF8", "--locale=C.UTF-8", "--no-instructions"));
        cluster.appendToConfiguration(List.of("port = " + port, "unix_socket_directories = '" + cluster.socketDirectory + "'"));
        return cluster;
    }

    private void giveToOwner(Path path) throws IOException {
        OtherUser user = owner.orElseThrow();
        UserPrincipalLookupService names = path.getFileSystem().getUserPrincipalLookupService();
        PosixFileAttributeView attributes = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        attributes.setOwner(names.lookupPrincipalByName(user.name()));
        attributes.setGroup(names.lookupPrincipalByGroupName(UserDatabase.groupName(user.gid())
                .orElseThrow(() -> new IOException("the group of user " + user.name() + " has no name"))));
    }

    /** Lines added at the end of postgresql.conf: the last setting of a name wins. */
    public void appendToConfiguration(List<String> lines) throws IOException {
        Files.writeString(data().resolve("postgresql.conf"), "\n" + String.join("\n", lines) + "\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    /** pg_hba.conf, replaced whole: who may log in, and how. */
    public void writeHba(List<String> lines) throws IOException {
        Files.writeString(data().resolve("pg_hba.conf"), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    /** pg_ident.conf, replaced whole: the maps that let one OS user in as another role. */
    public void writeIdent(List<String> lines) throws IOException {
        Files.writeString(data().resolve("pg_ident.conf"), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    /** pg_ctl start, waiting until the server accepts connections. */
    public void start() throws IOException, InterruptedException {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-l", log().toString(), "-w", "-t", "60",
                "start"));
        running = true;
    }

    /** SQL run by psql as the server's own user, its superuser role, over the socket; stops at the first error. */
    public void sql(String sql) throws IOException, InterruptedException {
        run(List.of(bin.resolve("psql").toString(), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", socketDirectory.toString(),
                "-p", Integer.toString(port), "-d", "postgres", "-c", sql));
    }

    /** command, run as the server's own OS user: postgres for root, else this process's user. */
    public List<String> asOwner(List<String> command) {
        return owner.map(user -> user.command(command)).orElse(command);
    }

    /** One of PostgreSQL's programs, as the server's user; its output only if it fails. */
    private void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(asOwner(command)).redirectErrorStream(true).directory(dir.toFile()).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        if (process.exitValue() != 0) {
            throw new IOException(Path.of(command.getFirst()).getFileName() + " failed (exit " + process.exitValue()
                    + "): " + new String(output, StandardCharsets.UTF_8).strip());
        }
    }

    /** The directory PostgreSQL puts its socket and lock file in. */
    public Path socketDirectory() {
        return socketDirectory;
    }

    /** .s.PGSQL.PORT, the name every client derives from the port. */
    public Path socket() {
        return socketDirectory.resolve(".s.PGSQL." + port);
    }

    public int port() {
        return port;
    }

    /** The OS user the server runs as: also the name of its first role, a superuser. */
    public String ownerName() {
        return ownerName;
    }

    public Path data() {
        return dir.resolve("data");
    }

    public Path log() {
        return dir.resolve("log/server.log");
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
