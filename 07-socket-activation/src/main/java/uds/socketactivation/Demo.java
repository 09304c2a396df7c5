package uds.socketactivation;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import uds.support.LessonJar;
import uds.support.ServerProcess;
import uds.support.Tour;

/**
 * The narrated tour of lesson 07: systemd-socket-activate plays the service manager (it needs
 * no running systemd and no root). It creates the socket, starts the JVM on the first
 * connection, and keeps the socket when the JVM ends.
 */
final class Demo {

    static final String ACTIVATE = "systemd-socket-activate";

    static void run(LessonJar jar, PrintStream out) throws IOException, InterruptedException {
        if (!onPath(ACTIVATE)) {
            out.println("== 07-socket-activation: the service manager owns the socket");
            out.println("(Not shown: this tour needs systemd-socket-activate to play the service manager;"
                    + " Debian: apt-get install systemd, no running systemd needed.)");
            return;
        }
        try (Tour tour = new Tour(jar, out)) {
            Path dir = tour.directory("uds-activation-", false);
            story(tour, dir);
        }
    }

    private static void story(Tour tour, Path dir) throws IOException, InterruptedException {
        String path = dir.resolve("echo.sock").toString();
        tour.title("07-socket-activation: the service manager owns the socket");
        // The steps are numbered as the walkthrough's: a page's step N shows tour step N.

        tour.step("1. The service manager creates and listens on the socket; no JVM runs yet.", null);
        ServerProcess manager = tour.start("manager", List.of(ACTIVATE, "-l", path), "server");
        tour.await(manager, "Listening on");
        tour.runProgram("stat", stat(path));

        tour.step("2. Started by hand, with no socket passed, the server says how to start it.", null);
        tour.run("server", "server");

        tour.step("3a. The first client connects: the manager starts the JVM, which serves on descriptor 3.",
                "The client's connect waited in the socket's backlog while the JVM started.");
        tour.run("client", "client", "--socket", path, "hello", "socket activation");
        tour.await(manager, "connection 1:");

        tour.step("3b. The JVM ends; the socket file stays: it was never the JVM's.", null);
        tour.stop(manager);
        tour.runProgram("stat", stat(path));

        String inetdPath = dir.resolve("inetd.sock").toString();
        tour.step("4. inetd style: one JVM per connection, the connection at descriptor 0 (System.inheritedChannel).", null);
        ServerProcess inetd = tour.start("manager", List.of(ACTIVATE, "--inetd", "-a", "-l", inetdPath), "server", "--inetd");
        tour.await(inetd, "Listening on");
        tour.run("client", "client", "--socket", inetdPath, "first JVM");
        tour.run("client", "client", "--socket", inetdPath, "second JVM");
        tour.stop(inetd);

        String seqpacketPath = dir.resolve("seqpacket.sock").toString();
        tour.step("5. SOCK_SEQPACKET at descriptor 3: accepted through FFM, datagrams echoed as they came.", null);
        ServerProcess seqpacket = tour.start("manager", List.of(ACTIVATE, "--seqpacket", "-l", seqpacketPath),
                "server", "--seqpacket");
        tour.await(seqpacket, "Listening on");
        tour.run("client", "client", "--socket", seqpacketPath, "--seqpacket", "one datagram", "another");
        tour.await(seqpacket, "connection 1 closed");
        tour.stop(seqpacket);
        tour.out().println();
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        return java.util.Arrays.stream(path.split(":")).anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }

    /** The file's type, mode and owner (stat names the type in the locale's language: C here). */
    private static List<String> stat(String path) {
        return List.of("env", "LC_ALL=C.UTF-8", "stat", "-c", "%F %a %U %n", path);
    }
}
