package uds.abstractnamespace;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

import uds.support.LessonJar;
import uds.support.OtherUser;
import uds.support.ServerProcess;
import uds.support.ThisProcess;
import uds.support.Tour;

/**
 * The narrated tour of lesson 02: every server and client is a separate JVM started from this
 * lesson's jar, as a learner would start them in two terminals.
 */
final class Demo {

    static void run(LessonJar jar, PrintStream out) throws IOException, InterruptedException {
        try (Tour tour = new Tour(jar, out)) {
            story(tour, new AbstractName("uds-démo-" + ProcessHandle.current().pid()));
        }
    }

    private static void story(Tour tour, AbstractName name) throws IOException, InterruptedException {
        PrintStream out = tour.out();
        String n = name.name();
        boolean root = ThisProcess.isRoot();
        tour.title("02-abstract-namespace: names with no file and no permissions");
        // The steps are numbered as the walkthrough's: a page's step N shows tour step N.

        tour.step("1a. A server binds " + name + ": a leading NUL, then the name in UTF-8.",
                "No file appears; the kernel's table lists the name with an @ for the NUL:");
        ServerProcess server = tour.start("server", "server", "--name", n);
        tour.await(server, "listening on");
        procNetUnix(out, name);

        tour.step("1b. A client connects by the same bytes.", null);
        tour.run("client", "client", "--name", n, "hello", "grüß dich");
        tour.await(server, "closed");

        tour.step("1c. A second server on the same name is refused: a name is held by one socket at a time.", null);
        tour.run("second server", "server", "--name", n);
        out.println("   Before giving up, junixsocket's bind connected once to see whether the name's holder is alive:");
        tour.await(server, "closed");

        tour.step("1d. kill -9: the name goes with the socket, so nothing is left to clean up.", null);
        tour.kill(server);
        procNetUnix(out, name);
        server = tour.start("server", "server", "--name", n);
        tour.await(server, "listening on");
        tour.stop(server);
        tour.await(server, "released");

        List<String> asNobody = root ? OtherUser.named("nobody").orElseThrow().prefix() : List.of();
        tour.step("2. Squatting: no permission guards a name, so anyone may take it first.",
                root ? "The squatter runs as the user nobody." : "(Run the tour as root to see the squatter run as nobody.)");
        tour.shareJarWithOtherUsers();
        ServerProcess squatter = tour.start("squatter", asNobody, "squat", "--name", n);
        tour.await(squatter, "squatting");
        tour.run("real server", "server", "--name", n);
        tour.await(squatter, "closed");
        out.println("   A client that trusts the name sends its secret to the squatter:");
        tour.run("client", "client", "--name", n, "my password");
        tour.await(squatter, "closed");
        tour.step("3. A client that asks the kernel who the server is (SO_PEERCRED) sends nothing.", null);
        tour.run("client", "client", "--name", n, "--expect-user", "root", "my password");
        tour.await(squatter, "closed");
        tour.stop(squatter);
        tour.await(squatter, "released");

        tour.step("4. Autobind: bind with no name at all, and the kernel picks five hex digits.", null);
        tour.run("autobind", "autobind");

        tour.step("5. Abstract names belong to a network namespace.", null);
        if (root) {
            server = tour.start("server", "server", "--name", n);
            tour.await(server, "listening on");
            tour.run("client", List.of("unshare", "--net"), "client", "--name", n, "from another namespace");
            tour.stop(server);
            tour.await(server, "released");
        } else {
            out.println("   (Creating a network namespace needs root: run the tour as root to see a client fail from one.)");
        }
        out.println();
    }

    private static void procNetUnix(PrintStream out, AbstractName name) throws IOException {
        out.println("$ grep '" + name + "' /proc/net/unix");
        List<String> lines = ProcNetUnix.linesFor(name);
        lines.forEach(line -> out.println("  " + line));
        if (lines.isEmpty()) {
            out.println("  (no line: the name is free)");
        }
    }
}
