package uds.scmcredentials;

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
 * The narrated tour of lesson 05: receivers and senders as separate JVMs; as root, senders
 * also run as nobody, and root claims the credentials of another process.
 */
final class Demo {

    static void run(LessonJar jar, PrintStream out) throws IOException, InterruptedException {
        try (Tour tour = new Tour(jar, out)) {
            Path dir = tour.directory("uds-scm-", true); // others reach the socket
            tour.shareJarWithOtherUsers();
            story(tour, dir, ThisProcess.isRoot());
        }
    }

    private static void story(Tour tour, Path dir, boolean root) throws IOException, InterruptedException {
        String socket = dir.resolve("receiver.sock").toString();
        List<String> asNobody = root ? OtherUser.named("nobody").orElseThrow().prefix() : List.of();
        tour.title("05-scm-credentials: credentials with every message, checked by the kernel");
        // The steps are numbered as the walkthrough's: a page's step N shows tour step N.

        tour.step("2a. A datagram receiver with SO_PASSCRED; a sender attaches SCM_CREDENTIALS to its datagram.",
                "Datagrams have no connection, so no SO_PEERCRED: the credentials come with each message.");
        ServerProcess receiver = tour.start("receiver", "receiver", "--socket", socket);
        tour.await(receiver, "receiving on");
        tour.run("sender", "sender", "--socket", socket, "hello");
        tour.await(receiver, "hello");

        tour.step("2b. Claiming someone else's credentials: the kernel checks every claim.",
                root ? null : "(Run the tour as root to see a privileged claim accepted.)");
        if (root) {
            tour.run("sender", asNobody, "sender", "--socket", socket, "from nobody");
            tour.await(receiver, "from nobody");
            tour.run("sender", asNobody, "sender", "--socket", socket, "--uid", "0", "nobody claims root");
            long receiverPid = receiver.pid();
            tour.out().println("   root may speak for another process that exists, here the receiver itself (pid " + receiverPid + "):");
            tour.run("sender", "sender", "--socket", socket, "--pid", Long.toString(receiverPid), "root claims another pid");
            tour.await(receiver, "root claims another pid");
            tour.run("sender", "sender", "--socket", socket, "--pid", "2147483647", "a pid nobody has");
        } else {
            tour.run("sender", "sender", "--socket", socket, "--uid", "0", "I claim to be root");
        }
        tour.step("3a. A sender that sends no credentials gets them attached anyway: the receiver asked (SO_PASSCRED).", null);
        tour.run("sender", "sender", "--socket", socket, "--no-credentials", "nothing attached");
        tour.await(receiver, "nothing attached");

        tour.stop(receiver);

        tour.step("3b. Without SO_PASSCRED the receiver gets no control message at all, even when one was sent.", null);
        receiver = tour.start("receiver", "receiver", "--socket", socket, "--no-passcred");
        tour.await(receiver, "receiving on");
        tour.run("sender", "sender", "--socket", socket, "sent with credentials");
        tour.await(receiver, "sent with credentials");
        tour.stop(receiver);

        tour.step("5. On a stream: SO_PEERCRED tells who connected, SCM_CREDENTIALS who sent each message.",
                root ? "The second time, root sends as the receiver's pid: SO_PEERCRED still names the real sender." : null);
        receiver = tour.start("receiver", "receiver", "--socket", socket, "--stream");
        tour.await(receiver, "receiving on");
        tour.run("sender", "sender", "--socket", socket, "--stream", "first message");
        tour.await(receiver, "disconnected");
        if (root) {
            tour.run("sender", "sender", "--socket", socket, "--stream", "--pid", Long.toString(receiver.pid()), "claimed pid");
            tour.await(receiver, "disconnected");
        }
        tour.stop(receiver);
        tour.out().println();
    }
}
