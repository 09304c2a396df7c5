package uds.exercises.pathsocket;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

import uds.support.testing.Exercise;

@Exercise(id = "01.1", title = "Remove only a stale socket", step = "Step 2: a stale file, decided safely",
        file = "StaleFileCheck.java",
        statement = "`isStaleSocket(path)` must say true only for a socket file nobody listens on: never for a live"
                + " server's socket, a regular file or a symlink.",
        hints = {
            "`Files.getAttribute(path, \"unix:mode\", LinkOption.NOFOLLOW_LINKS)` gives the file's type bits;"
                    + " a socket has `(mode & 0170000) == 0140000`.",
            "To tell a live socket from a stale one, connect: `SocketChannel.open(UnixDomainSocketAddress.of(path))`."
                    + " A `ConnectException` means nobody listens.",
            "A missing file throws `NoSuchFileException` from `getAttribute`: that is 'not stale' too."})
class StaleFileCheckTest {

    @TempDir
    Path dir;

    private Path staleSocket(String name) throws IOException {
        Path path = dir.resolve(name);
        try (AFUNIXServerSocket server = AFUNIXServerSocket.newInstance()) {
            server.setDeleteOnClose(false); // as kill -9 leaves it
            server.bind(AFUNIXSocketAddress.of(path));
        }
        return path;
    }

    @Test
    void aSocketNobodyListensOnIsStale() throws IOException {
        assertTrue(StaleFileCheck.isStaleSocket(staleSocket("stale.sock")));
    }

    @Test
    void aLiveServersSocketIsNot() throws IOException {
        Path path = dir.resolve("live.sock");
        try (AFUNIXServerSocket server = AFUNIXServerSocket.newInstance()) {
            server.bind(AFUNIXSocketAddress.of(path));
            assertFalse(StaleFileCheck.isStaleSocket(path), "a server is listening on it");
        }
    }

    @Test
    void aRegularFileIsNot() throws IOException {
        assertFalse(StaleFileCheck.isStaleSocket(Files.writeString(dir.resolve("notes.txt"), "keep me")));
    }

    @Test
    void aSymlinkToAStaleSocketIsNot() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("link.sock"), staleSocket("target.sock"));
        assertFalse(StaleFileCheck.isStaleSocket(link), "the link is not the server's socket");
    }

    @Test
    void nothingAtAllIsNot() throws IOException {
        assertFalse(StaleFileCheck.isStaleSocket(dir.resolve("missing.sock")));
    }
}
