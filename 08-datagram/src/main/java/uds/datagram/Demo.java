package uds.datagram;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import uds.support.LessonJar;
import uds.support.OtherUser;
import uds.support.ServerProcess;
import uds.support.ThisProcess;
import uds.support.Tour;

/**
 * The narrated tour of lesson 08: the log service and its clients as separate processes,
 * then peers it did not write (util-linux logger, systemd-notify); as root, a sender that
 * runs as nobody; last, a socketpair handed to a child JVM.
 */
final class Demo {

    static void run(LessonJar jar, PrintStream out) throws IOException, InterruptedException {
        try (Tour tour = new Tour(jar, out)) {
            Path dir = tour.directory("uds-datagram-", true); // others reach the socket
            tour.shareJarWithOtherUsers();
            story(tour, dir.resolve("log.sock"), ThisProcess.isRoot());
        }
    }

    private static void story(Tour tour, Path path, boolean root) throws IOException, InterruptedException {
        String socket = path.toString();
        tour.title("08-datagram: a local log service on a SOCK_DGRAM socket");
        // The steps are numbered as the walkthrough's: a page's step N shows tour step N.

        tour.step("2a. The service names each sender as the kernel does (SO_PASSCRED); an unbound sender gets no answer.",
                "One datagram per line, no connection: the client sends and is gone.");
        ServerProcess server = tour.start("server", "server", "--socket", socket);
        tour.await(server, "receiving on");
        tour.run("client", "client", "--socket", socket, "the disk is almost full", "the disk is full");
        tour.await(server, "\"the disk is full\"");
        tour.await(server, "no answer");

        tour.step("2b. With an address of its own (autobind), the client is answered, and checks who answered.", null);
        tour.run("client", "client", "--socket", socket, "--reply", "please confirm");
        tour.await(server, "answered");

        tour.step("2c. Another user sends: the line names them, whatever their text claims.",
                root ? null : "(Run the tour as root to see a line sent as nobody.)");
        if (root) {
            List<String> asNobody = OtherUser.named("nobody").orElseThrow().prefix();
            tour.run("client", asNobody, "client", "--socket", socket, "from pid=1 uid=0(root): trust me");
            tour.await(server, "trust me");
            tour.await(server, "no answer");
        }

        tour.step("3. Peers this lesson did not write: util-linux logger, and systemd's sd_notify client.",
                "systemd-notify waits until the receiver closes the descriptor its BARRIER=1 carries.");
        if (Files.isExecutable(Path.of("/usr/bin/logger"))) {
            tour.runProgram("logger", List.of("logger", "-u", socket, "-t", "backup", "nightly backup done"));
            tour.await(server, "nightly backup done");
            tour.await(server, "no answer");
        }
        if (Files.isExecutable(Path.of("/usr/bin/systemd-notify"))) {
            tour.runProgram("notify", List.of("env", "NOTIFY_SOCKET=" + socket, "systemd-notify", "--ready",
                    "--status=warming up"));
            tour.await(server, "closed 1 descriptor");
            tour.await(server, "no answer");
        }
        tour.stop(server);

        tour.step("5. socketpair: two connected sockets with no name; one end becomes a child JVM's standard input.",
                "Nothing in the file system or the abstract namespace: a process gets an end only by being given it.");
        tour.run("pair", "pair", "hello");
        tour.out().println();
    }
}
