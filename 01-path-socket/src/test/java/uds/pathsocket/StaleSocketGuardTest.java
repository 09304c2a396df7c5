package uds.pathsocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

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
            assertEquals("already serving: another server (pid " + ProcessHandle.current().pid() + ") holds "
                    + StaleSocketGuard.lockPathOf(socket), e.getMessage());
            assertTrue(Files.exists(StaleSocketGuard.lockPathOf(socket)), "the holder's lock file stays");
        }
    }
}
