package uds.scmrights;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import uds.support.LessonJar;
import uds.support.OtherUser;
import uds.support.ServerProcess;
import uds.support.ThisProcess;
import uds.support.Tour;

/**
 * The narrated tour of lesson 06: the opener and its clients in separate JVMs; as root, the
 * clients run as nobody and www-data through setpriv and read a file only root may open.
 */
final class Demo {

    static void run(LessonJar jar, PrintStream out) throws IOException, InterruptedException {
        try (Tour tour = new Tour(jar, out)) {
            // Other users must reach the socket and read the jar: a world-searchable directory.
            Path dir = tour.directory("uds-scmrights-", true);
            tour.shareJarWithOtherUsers();
            Path secret = dir.resolve("secret.txt");
            Files.writeString(secret, "only root may open this file\nthe opener opened it for you\n", StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
            Path other = dir.resolve("other.txt");
            Files.writeString(other, "not on the list\n", StandardCharsets.UTF_8);
            Path link = dir.resolve("link-to-secret.txt");
            Files.createSymbolicLink(link, secret);
            story(tour, dir.resolve("opener.sock"), secret, other, link, ThisProcess.isRoot());
        }
    }

    private static void story(Tour tour, Path socket, Path secret, Path other, Path link, boolean root)
            throws IOException, InterruptedException {
        String path = socket.toString();
        List<String> nobody = root ? user("nobody") : List.of();
        tour.title("06-scm-rights: a privileged opener hands over an open file");
        // The steps are numbered as the walkthrough's: a page's step N shows tour step N.

        tour.step("1a. The file is root's, mode 0600: nobody cannot open it.", root ? null
                : "(Running as another user needs root: run the tour as root to see nobody denied and then served.)");
        List<String> cat = new ArrayList<>(nobody);
        cat.addAll(List.of("env", "LC_ALL=C.UTF-8", "cat", secret.toString()));
        tour.runProgram("cat", cat);

        tour.step("1b. The opener runs as root, hands out this one file, and only to nobody.", null);
        List<String> server = new ArrayList<>(List.of("server", "--socket", path, "--allow-file", secret.toString(),
                "--allow-file", link.toString()));
        server.addAll(List.of("--allow-user", root ? "nobody" : String.valueOf(ThisProcess.uid())));
        ServerProcess opener = tour.start("server", server.toArray(String[]::new));
        tour.await(opener, "listening on");

        tour.step("1c. Refused: a file off the list, a symbolic link on the list, a user off the list.", null);
        tour.run("client", nobody, "client", "--socket", path, other.toString());
        tour.await(opener, "refused");
        tour.run("client", nobody, "client", "--socket", path, link.toString());
        tour.await(opener, "refused");
        if (root) {
            tour.run("client", user("www-data"), "client", "--socket", path, secret.toString());
            tour.await(opener, "refused");
        }
        tour.step("5a. The client, as nobody, asks; it receives an open descriptor and reads the file through it.", null);
        tour.run("client", nobody, "client", "--socket", path, secret.toString());
        tour.await(opener, "handed");

        tour.step("5b. The same exchange in raw syscalls: recvmsg through FFM, with room for one descriptor.", null);
        tour.run("client", nobody, "client", "--socket", path, "--raw", secret.toString());
        tour.await(opener, "handed");

        tour.stop(opener);
        tour.out().println();
    }

    private static List<String> user(String name) {
        return OtherUser.named(name).orElseThrow(() -> new IllegalStateException("no user " + name)).prefix();
    }
}
