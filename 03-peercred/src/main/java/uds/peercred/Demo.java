package uds.peercred;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import uds.support.LessonJar;
import uds.support.OtherUser;
import uds.support.ServerProcess;
import uds.support.ThisProcess;
import uds.support.Tour;

/**
 * The narrated tour of lesson 03: a server and clients in separate JVMs; as root, clients run
 * as www-data, nobody and a uid above 2^31 through setpriv.
 */
final class Demo {

    static void run(LessonJar jar, PrintStream out) throws IOException, InterruptedException {
        try (Tour tour = new Tour(jar, out)) {
            // Other users must reach the socket and read the jar: a world-searchable directory.
            Path dir = tour.directory("uds-peercred-", true);
            tour.shareJarWithOtherUsers();
            story(tour, dir.resolve("peercred.sock"), ThisProcess.isRoot());
        }
    }

    private static void story(Tour tour, Path socket, boolean root) throws IOException, InterruptedException {
        String path = socket.toString();
        tour.title("03-peercred: the kernel tells the server who connected");

        tour.step("1. For each connection the server asks the kernel (SO_PEERCRED) who the peer is.",
                "The client prints the server's answer, then the server's identity as the client sees it.");
        ServerProcess server = tour.start("server", "server", "--socket", path);
        tour.await(server, "listening on");
        tour.run("client", "client", "--socket", path);
        tour.await(server, "peer");

        tour.step("2. Other users, each a real process of its own.", root ? null
                : "(Running a client as another user needs root: run the tour as root to see www-data, nobody and uid 4294967294.)");
        if (root) {
            tour.run("client", user("www-data"), "client", "--socket", path);
            tour.await(server, "peer");
            tour.run("client", user("nobody"), "client", "--socket", path);
            tour.await(server, "peer");
            tour.out().println("   uid_t is unsigned: a uid above 2^31 must not turn negative. This one has no name:");
            tour.run("client", OtherUser.withIds(4294967294L, 4294967294L).prefix(), "client", "--socket", path);
            tour.await(server, "peer");
        }
        tour.stop(server);

        tour.step("3. An allow list: the server admits some users and turns the others away, and keeps serving.", null);
        server = tour.start("server", "server", "--socket", path, "--allow-user", root ? "www-data" : "root");
        tour.await(server, "listening on");
        if (root) {
            tour.run("client", user("www-data"), "client", "--socket", path);
            tour.await(server, "peer");
            tour.run("client", user("nobody"), "client", "--socket", path);
        } else {
            tour.run("client", "client", "--socket", path);
        }
        tour.await(server, "denied");
        tour.stop(server);
        tour.out().println();
    }

    private static List<String> user(String name) {
        return OtherUser.named(name).orElseThrow(() -> new IllegalStateException("no user " + name)).prefix();
    }
}
