package uds.exercises.peercred;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.newsclub.net.unix.AFUNIXSocketCredentials;

import uds.support.ThisProcess;
import uds.support.testing.Exercise;

@Exercise(id = "03.2", title = "An allow list by group", step = "Step 3: decide on users, not processes",
        file = "GroupAllowList.java",
        statement = "`admits(uid, gid)` must admit a peer whose user is on the list or whose group is.",
        hints = {
            "Two sets, two questions: `uids.contains(uid)`, `gids.contains(gid)`.",
            "Either one is enough: combine them with `||`."})
class GroupAllowListTest {

    @TempDir
    Path dir;

    /** The credentials the kernel reports for a real connection from this process. */
    private AFUNIXSocketCredentials realPeer() throws IOException {
        Path path = dir.resolve("peer.sock");
        try (AFUNIXServerSocket server = AFUNIXServerSocket.newInstance()) {
            server.bind(AFUNIXSocketAddress.of(path));
            try (AFUNIXSocket client = AFUNIXSocket.connectTo(AFUNIXSocketAddress.of(path));
                 AFUNIXSocket accepted = server.accept()) {
                return accepted.getPeerCredentials();
            }
        }
    }

    @Test
    void aPeerIsAdmittedByItsGroupAlone() throws IOException {
        AFUNIXSocketCredentials peer = realPeer();
        long uid = Integer.toUnsignedLong((int) peer.getUid());
        long gid = Integer.toUnsignedLong((int) peer.getGid());
        assertTrue(new GroupAllowList(Set.of(), Set.of(ThisProcess.gid())).admits(uid, gid), "our group is on the list");
    }

    @Test
    void aPeerIsAdmittedByItsUser() {
        assertTrue(new GroupAllowList(Set.of(33L), Set.of()).admits(33, 1000));
    }

    @Test
    void aPeerOnNeitherListIsNot() {
        assertFalse(new GroupAllowList(Set.of(33L), Set.of(33L)).admits(65534, 65534));
    }
}
