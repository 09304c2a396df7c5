package uds.pathsocket;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import uds.support.LessonJar;
import uds.support.ServerProcess;
import uds.support.StaleSocketGuard;
import uds.support.Tour;

/**
 * The narrated tour of lesson 01: every server and client is a separate JVM started from this
 * lesson's jar, exactly as a learner would start them in two terminals.
 */
final class Demo {

    static void run(LessonJar jar, PrintStream out) throws IOException, InterruptedException {
        try (Tour tour = new Tour(jar, out)) {
            Path dir = tour.directory("uds-demo-", false); // mode 0700, like the default directory
            story(tour, dir, dir.resolve("echo.sock"));
        }
    }

    private static void story(Tour tour, Path dir, Path socket) throws IOException, InterruptedException {
        PrintStream out = tour.out();
        String path = socket.toString();
        tour.title("01-path-socket: a socket file in the filesystem");

        // The steps are numbered as the walkthrough's: a page's step N shows tour step N.
        tour.step("1. A server binds a socket file and chmods it to 0600.",
                dir + " is a private directory (mode " + modeOf(dir) + ").");
        ServerProcess server = tour.start("server", "server", "--socket", path, "--mode", "0600");
        tour.await(server, "listening on");
        out.println("   the file: " + describe(socket));
        tour.run("client", "client", "--socket", path, "hello", "grüß dich");
        tour.await(server, "closed");

        tour.step("2a. A second server on the same path is refused by the lock; the first keeps serving.",
                "(junixsocket's default, reuse-address on, would have taken the path silently.)");
        tour.run("second server", "server", "--socket", path);
        tour.run("client", "client", "--socket", path, "still here?");
        tour.await(server, "closed");

        tour.step("2b. kill -9: no code runs, so the socket file and its lock stay behind.", null);
        tour.kill(server);
        out.println("   the file: " + describe(socket));
        out.println("   the lock: " + describe(StaleSocketGuard.lockPathOf(socket)));
        tour.run("client", "client", "--socket", path, "anyone?");

        tour.step("2c. The next server finds the file stale (nobody answers a connect), removes it, binds.", null);
        server = tour.start("server", "server", "--socket", path);
        tour.await(server, "listening on");

        tour.step("2d. A regular file in the way is never deleted.", null);
        Path precious = dir.resolve("data.sock");
        Files.writeString(precious, "precious data\n");
        tour.run("server", "server", "--socket", precious.toString());
        out.println("   the file: " + describe(precious) + ", still holding: " + Files.readString(precious).strip());
        Files.delete(precious);

        tour.step("3. Without --mode the file keeps the mode junixsocket's bind gave it: 0666, whatever the umask.",
                null);
        out.println("   the file: " + describe(socket));

        tour.step("4. sun_path holds 108 bytes with the NUL: a longer path is refused before any syscall.", null);
        tour.run("server", "server", "--socket", dir.resolve("x".repeat(100) + ".sock").toString());

        tour.step("5. Two clients talk to it: junixsocket, then the JDK's own UnixDomainSocketAddress.", null);
        tour.run("client", "client", "--socket", path, "same server");
        tour.await(server, "closed");
        tour.run("client", "client", "--jdk", "--socket", path, "same server, other library");
        tour.await(server, "closed");

        tour.step("6. SIGTERM: the shutdown hook closes the socket and removes the file.", null);
        tour.stop(server);
        tour.await(server, "removed");
        out.println("   the file: " + describe(socket));
        out.println();
    }

    /** {@code srw------- echo.sock}: the type and mode as ls -l shows them. */
    private static String describe(Path file) throws IOException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return file.getFileName() + " is gone";
        }
        int mode = (int) Files.getAttribute(file, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        char type = (mode & 0170000) == 0140000 ? 's' : (mode & 0170000) == 0100000 ? '-' : '?';
        return type + PosixFilePermissions.toString(Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS))
                + " " + file.getFileName();
    }

    private static String modeOf(Path dir) throws IOException {
        return String.format("%04o", (int) Files.getAttribute(dir, "unix:mode") & 07777);
    }
}
