package uds.postgrespeer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CountDownLatch;

import uds.support.Shell;

/**
 * The postgres command: a PostgreSQL server of the lesson's own in DIR, for trying the query
 * command against, until Ctrl-C; then stopped, its files left in DIR for a look.
 */
final class PostgresCommand {

    static void run(Path dir, int socketMode, PrintStream out) throws IOException, InterruptedException {
        if (Files.exists(dir) && !isEmptyDirectory(dir)) {
            throw new IOException(dir + " is not an empty directory: initdb wants a fresh one");
        }
        if (Files.notExists(dir)) {
            // Whatever the umask: as root, the server's user must enter it.
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        }
        LocalPostgres server = LocalPostgres.start(dir.toAbsolutePath(),
                LocalPostgres.Settings.DEFAULT.withSocketPermissions(String.format("0%o", socketMode)));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
                out.println("stopped; its files are in " + dir);
            } catch (IOException | InterruptedException e) {
                out.println("could not stop it: " + e.getMessage());
            } finally {
                stopped.countDown();
            }
        }));
        out.println("PostgreSQL serving on " + server.socket() + " as OS user " + server.ownerName()
                + ", no TCP; its log: " + server.log());
        out.println("try: java -jar 10-postgres-peer.jar query --socket-dir "
                + Shell.quote(server.socketDirectory().toString()) + " 'SELECT current_user'");
        out.println("Ctrl-C stops it");
        stopped.await();
    }

    private static boolean isEmptyDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private PostgresCommand() {
    }
}
