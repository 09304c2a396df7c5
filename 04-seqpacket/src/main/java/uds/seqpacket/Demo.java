package uds.seqpacket;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import uds.support.LessonJar;
import uds.support.OtherUser;
import uds.support.ServerProcess;
import uds.support.ThisProcess;
import uds.support.Tour;

/**
 * The narrated tour of lesson 04: a privileged update server and its clients, each a separate
 * JVM; as root, the server runs as root and the clients as www-data (admitted) and nobody.
 */
final class Demo {

    static void run(LessonJar jar, PrintStream out) throws IOException, InterruptedException {
        try (Tour tour = new Tour(jar, out)) {
            Path dir = tour.directory("uds-seqpacket-", true); // others reach the socket
            tour.shareJarWithOtherUsers();
            story(tour, dir, ThisProcess.isRoot());
        }
    }

    private static void story(Tour tour, Path dir, boolean root) throws IOException, InterruptedException {
        PrintStream out = tour.out();
        Path config = dir.resolve("settings.conf");
        Files.writeString(config, "colour=blue\n");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
        String socket = dir.resolve("update.sock").toString();
        List<String> client = root ? user("www-data") : List.of();
        tour.title("04-seqpacket: a privileged update server over SOCK_SEQPACKET");

        tour.step("1a. The server owns a configuration file that only its user may read or write.",
                "settings.conf: " + describe(config));
        ServerProcess server = root
                ? tour.start("server", "server", "--socket", socket, "--config", config.toString(), "--allow-user", "www-data")
                : tour.start("server", "server", "--socket", socket, "--config", config.toString());
        tour.await(server, "listening on");

        tour.step("1b. " + (root ? "www-data" : "The allowed user") + " sends requests: one datagram each, one reply each.", null);
        tour.run("client", client, "client", "--socket", socket, "SET colour green", "GET colour", "SET motd hello world");
        tour.await(server, "admitted");
        out.println("   settings.conf: " + describe(config) + ", now holding:");
        Files.readAllLines(config).forEach(line -> out.println("     " + line));

        tour.step("2. Anyone else is refused before the server reads a byte.",
                root ? null : "(Run the tour as root to see the user nobody refused.)");
        if (root) {
            tour.run("client", user("nobody"), "client", "--socket", socket, "SET colour black");
            tour.await(server, "refused");
        }

        tour.step("3. Bad requests get ERR, and the same connection goes on working.",
                "A value with a newline would write a second line, a second setting, into the file.");
        tour.run("client", client, "client", "--socket", socket, "SET bad/key x", "SET motd hi\nadmin=yes", "FLY me",
                "SET big " + "x".repeat(UpdateServer.MAX_REQUEST), "GET colour");
        tour.await(server, "admitted");
        out.println("   settings.conf is unchanged:");
        Files.readAllLines(config).forEach(line -> out.println("     " + line));

        tour.stop(server);
        tour.await(server, "removed");
        out.println();
    }

    private static List<String> user(String name) {
        return OtherUser.named(name).orElseThrow(() -> new IllegalStateException("no user " + name)).prefix();
    }

    /** {@code rw------- root}: the mode and owner as ls -l shows them. */
    private static String describe(Path file) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file)) + " "
                + Files.getOwner(file).getName();
    }
}
