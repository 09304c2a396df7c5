package uds.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsclub.net.unix.AFSocketType;
import org.newsclub.net.unix.AFUNIXDatagramSocket;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

import uds.support.testing.Commands;
import uds.support.testing.Users;

class StaleSocketGuardTest {

    @TempDir
    Path dir;

    private final List<String> log = new ArrayList<>();

    /** A socket file with nobody behind it, as kill -9 leaves one. */
    private Path staleSocket(Path path) throws IOException {
        try (AFUNIXServerSocket server = AFUNIXServerSocket.newInstance()) {
            server.setDeleteOnClose(false);
            server.bind(AFUNIXSocketAddress.of(path));
        }
        return path;
    }

    @Test
    void locksAFreePathAndWritesItsPid() throws IOException {
        Path socket = dir.resolve("s.sock");
        try (StaleSocketGuard guard = StaleSocketGuard.acquire(socket, log::add)) {
            Path lock = StaleSocketGuard.lockPathOf(socket);
            assertEquals(ProcessHandle.current().pid() + "\n", Files.readString(lock));
        }
        assertFalse(Files.exists(StaleSocketGuard.lockPathOf(socket)), "lock file removed on close");
        assertEquals(List.of(), log);
    }

    @Test
    void removesAStaleSocketAndSaysSo() throws IOException {
        Path socket = staleSocket(dir.resolve("s.sock"));
        try (StaleSocketGuard guard = StaleSocketGuard.acquire(socket, log::add)) {
            assertFalse(Files.exists(socket, LinkOption.NOFOLLOW_LINKS));
        }
        assertEquals(List.of("removed stale socket " + socket), log);
    }

    @Test
    void neverDeletesARegularFile() throws IOException {
        Path file = Files.writeString(dir.resolve("s.sock"), "precious");
        var e = assertThrows(IOException.class, () -> StaleSocketGuard.acquire(file, log::add));
        assertTrue(e.getMessage().contains("exists and is not a socket"), e.getMessage());
        assertEquals("precious", Files.readString(file));
        assertFalse(Files.exists(StaleSocketGuard.lockPathOf(file)), "a refusal leaves no lock file");
    }

    @Test
    void neverFollowsASymlinkToASocket() throws IOException {
        Path target = staleSocket(dir.resolve("elsewhere.sock"));
        Path link = Files.createSymbolicLink(dir.resolve("s.sock"), target);
        assertThrows(IOException.class, () -> StaleSocketGuard.acquire(link, log::add));
        assertTrue(Files.isSymbolicLink(link));
        assertTrue(Files.exists(target, LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void refusesAPathWithALiveServerThatTakesNoLock() throws IOException {
        Path socket = dir.resolve("s.sock");
        try (AFUNIXServerSocket live = AFUNIXServerSocket.newInstance()) {
            live.bind(AFUNIXSocketAddress.of(socket));
            Object inode = Files.getAttribute(socket, "unix:ino");
            var e = assertThrows(StaleSocketGuard.AlreadyServing.class,
                    () -> StaleSocketGuard.acquire(socket, log::add));
            assertEquals("already serving: a server is listening on " + socket, e.getMessage());
            assertEquals(inode, Files.getAttribute(socket, "unix:ino"), "the live socket file is untouched");
        }
    }

    @Test
    void refusesWhileAnotherGuardHoldsTheLock() throws IOException {
        Path socket = dir.resolve("s.sock");
        try (StaleSocketGuard first = StaleSocketGuard.acquire(socket, log::add)) {
            var e = assertThrows(StaleSocketGuard.AlreadyServing.class,
                    () -> StaleSocketGuard.acquire(socket, log::add));
            assertEquals("already serving: this process holds " + StaleSocketGuard.lockPathOf(socket), e.getMessage());
            assertTrue(Files.exists(StaleSocketGuard.lockPathOf(socket)), "the holder's lock file stays");
        }
    }

    // tag::lock-tests[]
    @Test
    void aRefusedSecondAttemptDoesNotReleaseTheFirstLock() throws Exception {
        Path socket = dir.resolve("s.sock");
        try (StaleSocketGuard first = StaleSocketGuard.acquire(socket, log::add)) {
            assertThrows(StaleSocketGuard.AlreadyServing.class, () -> StaleSocketGuard.acquire(socket, log::add));
            // Another process asks the kernel: is the file still locked? (POSIX locks are per
            // process, so only another process can tell.)
            Commands.Result probe = Commands.run(List.of("python3", "-c",
                    "import fcntl, sys; f = open(sys.argv[1], 'r+'); fcntl.lockf(f, fcntl.LOCK_EX | fcntl.LOCK_NB)",
                    StaleSocketGuard.lockPathOf(socket).toString()));
            assertNotEquals(0, probe.exit(), "another process could take the lock: " + probe);
        }
    }

    @Test
    void neverRemovesTheSocketOfALiveServerOfAnotherType() throws IOException {
        Path socket = dir.resolve("seq.sock");
        try (AFUNIXDatagramSocket live = AFUNIXDatagramSocket.newInstance(AFSocketType.SOCK_SEQPACKET)) {
            live.bind(AFUNIXSocketAddress.of(socket));
            live.listen(1);
            // A stream probe gets EPROTOTYPE here, not ECONNREFUSED: not proof of a stale file.
            var e = assertThrows(StaleSocketGuard.AlreadyServing.class, () -> StaleSocketGuard.acquire(socket, log::add));
            assertTrue(e.getMessage().startsWith("refusing to remove " + socket), e.getMessage());
            assertTrue(Files.exists(socket, LinkOption.NOFOLLOW_LINKS), "the live server keeps its socket");
            assertFalse(Files.exists(StaleSocketGuard.lockPathOf(socket)), "and the refusal leaves no lock file");
        }
    }

    @Test
    void neverFollowsALockFileSymlinkPlantedInASharedDirectory() throws IOException {
        Path victim = Files.writeString(dir.resolve("victim"), "precious");
        Path socket = dir.resolve("s.sock");
        Files.createSymbolicLink(StaleSocketGuard.lockPathOf(socket), victim);
        assertThrows(IOException.class, () -> StaleSocketGuard.acquire(socket, log::add));
        assertEquals("precious", Files.readString(victim), "not truncated, no pid written");
        assertTrue(Files.isSymbolicLink(StaleSocketGuard.lockPathOf(socket)), "the link is left for its owner");
    }

    @Test
    void refusesALockFilePlantedByAnotherUser() throws Exception {
        Assumptions.assumeTrue(ThisProcess.isRoot(), "only root can make a file owned by another user");
        Path socket = dir.resolve("s.sock");
        Path lock = Files.writeString(StaleSocketGuard.lockPathOf(socket), "12345\n");
        OtherUser nobody = Users.nobody();
        Files.setAttribute(lock, "unix:uid", (int) nobody.uid());
        var e = assertThrows(IOException.class, () -> StaleSocketGuard.acquire(socket, log::add));
        assertTrue(e.getMessage().contains("belongs to uid " + nobody.uid()), e.getMessage());
        assertEquals("12345\n", Files.readString(lock));
    }
    // end::lock-tests[]
}
