package uds.http;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import uds.support.LessonJar;
import uds.support.OtherUser;
import uds.support.ServerProcess;
import uds.support.ThisProcess;
import uds.support.Tour;

/**
 * The narrated tour of lesson 09: the agent and its callers as separate processes: curl, the
 * client by hand and by three libraries; as root, a caller that runs as nobody.
 */
final class Demo {

    private static final Path CURL = Path.of("/usr/bin/curl");

    static void run(LessonJar jar, PrintStream out) throws IOException, InterruptedException {
        try (Tour tour = new Tour(jar, out)) {
            Path dir = tour.directory("uds-http-", true); // others reach the socket
            tour.shareJarWithOtherUsers();
            story(tour, dir.resolve("agent.sock").toString(), ThisProcess.isRoot());
        }
    }

    private static List<String> curl(String socket, String... args) {
        List<String> command = new ArrayList<>(List.of("curl", "-s", "--unix-socket", socket));
        command.addAll(List.of(args));
        return command;
    }

    private static void story(Tour tour, String socket, boolean root) throws IOException, InterruptedException {
        tour.title("09-http: HTTP on a Unix socket, served by Jetty, answered as the kernel names the caller");
        // The steps are numbered as the walkthrough's: a page's step N shows tour step N.

        tour.step("2. The agent: every request is answered as its caller, by SO_PEERCRED on the connection.",
                "No token, no header: the kernel says who is on the other end.");
        ServerProcess agent = tour.start("agent", "server", "--socket", socket);
        tour.await(agent, "serving HTTP on");
        if (Files.isExecutable(CURL)) {
            tour.runProgram("curl", curl(socket, "http://localhost/v1/whoami"));
            tour.await(agent, "/v1/whoami");
        }
        tour.run("client", "client", "--socket", socket, "PUT", "/v1/notes/motd", "backup at 02:00");
        tour.await(agent, "/v1/notes/motd");

        tour.step("3. Another user may read, not write: the uid decides, whatever the request says.",
                root ? null : "(Run the tour as root to see a caller that runs as nobody.)");
        if (root && Files.isExecutable(CURL)) {
            List<String> asNobody = OtherUser.named("nobody").orElseThrow().prefix();
            List<String> read = new ArrayList<>(asNobody);
            read.addAll(curl(socket, "http://localhost/v1/notes/motd"));
            tour.runProgram("curl", read);
            tour.await(agent, "/v1/notes/motd");
            List<String> write = new ArrayList<>(asNobody);
            write.addAll(curl(socket, "-X", "PUT", "--data", "mine now", "--header", "X-User: root",
                    "http://localhost/v1/notes/motd"));
            tour.runProgram("curl", write);
            tour.await(agent, ": 403");
        }

        tour.step("4. Three Java libraries on the same socket: Jetty's HttpClient, Apache HttpClient 5.6, OkHttp.",
                "The JDK's own HttpClient cannot: it speaks TCP only.");
        for (String via : List.of("jetty", "apache", "okhttp")) {
            tour.run(via, "client", "--socket", socket, "--via", via, "GET", "/v1/notes/motd");
            tour.await(agent, "/v1/notes/motd");
        }
        tour.stop(agent);
        tour.out().println();
    }
}
