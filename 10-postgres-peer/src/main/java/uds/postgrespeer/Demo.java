package uds.postgrespeer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import uds.support.LessonJar;
import uds.support.OtherUser;
import uds.support.PostgresCluster;
import uds.support.ServerProcess;
import uds.support.ThisProcess;
import uds.support.Tour;

/**
 * The narrated tour of lesson 10: a real PostgreSQL server in a temporary directory, and
 * callers logging in with no password as the kernel names them; as root, callers that run as
 * postgres, nobody and www-data.
 */
final class Demo {

    static void run(LessonJar jar, PrintStream out) throws IOException, InterruptedException {
        if (PostgresCluster.binaries().isEmpty()) {
            // The whole course's tour runs on a machine with a JDK only: say what is missing, fail nothing.
            out.println("== 10-postgres-peer: skipped, PostgreSQL is not installed (Debian: apt-get install postgresql)");
            return;
        }
        try (Tour tour = new Tour(jar, out)) {
            Path dir = tour.directory("uds-postgres-", true); // the server's user enters it
            tour.shareJarWithOtherUsers();
            story(tour, dir.resolve("pg"), ThisProcess.isRoot());
        }
    }

    private static void story(Tour tour, Path dir, boolean root) throws IOException, InterruptedException {
        tour.title("10-postgres-peer: JDBC over PostgreSQL's socket, logged in by SO_PEERCRED, no password");
        // The steps are numbered as the walkthrough's: a page's step N shows tour step N.
        String sockets = dir.resolve("socket").toString();
        List<String> owner = root ? OtherUser.named("postgres").orElseThrow().prefix() : List.of();

        tour.step("2. A server of our own: initdb into a directory, no TCP, peer authentication for local logins.",
                root ? "PostgreSQL will not run as root: root runs it as the user postgres." : null);
        ServerProcess postgres = tour.start("postgres", "postgres", "--dir", dir.toString());
        tour.await(postgres, "Ctrl-C stops it");
        tour.run("query", owner, "query", "--socket-dir", sockets, "SELECT current_user, session_user");

        tour.step("3. Claiming a role that is not yours: the server asks the kernel, not the client.",
                root ? null : "(Run the tour as root to see callers that run as other users.)");
        List<String> nobody = root ? OtherUser.named("nobody").orElseThrow().prefix() : List.of();
        tour.run("query", nobody, "query", "--socket-dir", sockets, "--user", "postgres", "SELECT current_user");
        if (root) {
            tour.run("query", nobody, "query", "--socket-dir", sockets, "SELECT current_user, count(*) FROM notes");
        }

        tour.step("4. A map (pg_ident.conf) lets a named OS user in as another role: www-data as reader.", null);
        List<String> mapped = root ? OtherUser.named(LocalPostgres.MAPPED_USER).orElseThrow().prefix() : List.of();
        tour.run("query", mapped, "query", "--socket-dir", sockets, "--user", LocalPostgres.READER,
                "SELECT current_user, session_user");

        tour.step("5. What the server saw: its own view of the session, and its log.", null);
        tour.run("query", owner, "query", "--socket-dir", sockets,
                "SELECT usename, client_addr, backend_type FROM pg_stat_activity WHERE pid = pg_backend_pid()");
        tour.runProgram("log", List.of("grep", "-E", "authorized|authentication failed|do not match",
                dir.resolve("log/server.log").toString()));

        tour.step("6. The socket file and its lock file, as lesson 01 makes them.", null);
        tour.runProgram("ls", List.of("ls", "-la", sockets));
        tour.stop(postgres);
        tour.await(postgres, "stopped");
        tour.out().println();
    }
}
