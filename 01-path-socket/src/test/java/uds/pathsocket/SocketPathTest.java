package uds.pathsocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

class SocketPathTest {

    /** A path of exactly n bytes in UTF-8 under dir, made of the given filler character. */
    private static Path pathOfBytes(Path dir, int n, String filler) {
        int fillerBytes = filler.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        int rest = n - dir.toString().length() - 1;
        return dir.resolve(filler.repeat(rest / fillerBytes) + "x".repeat(rest % fillerBytes));
    }

    @Test
    void acceptsTheLongestPathThatFits(@TempDir Path dir) {
        Path path = pathOfBytes(dir, 107, "a");
        assertEquals(107, path.toString().length());
        assertEquals(path, SocketPath.check(path));
    }

    @Test
    void rejectsAPathThatLeavesNoRoomForTheNul(@TempDir Path dir) {
        Path path = pathOfBytes(dir, 108, "a");
        var e = assertThrows(IllegalArgumentException.class, () -> SocketPath.check(path));
        assertEquals("socket path is 108 bytes long; sun_path holds at most 107 bytes plus the"
                + " terminating NUL (108 in all): use a shorter path", e.getMessage());
    }

    @Test
    void countsBytesNotCharacters(@TempDir Path dir) {
        Path path = pathOfBytes(dir, 110, "é"); // two bytes each in UTF-8
        assertTrue(path.toString().length() < 108, "fewer than 108 characters");
        var e = assertThrows(IllegalArgumentException.class, () -> SocketPath.check(path));
        assertTrue(e.getMessage().startsWith("socket path is 110 bytes long"), e.getMessage());
    }

    // tag::library-no-check[]
    @Test
    void junixsocketItselfBindsATruncatedPathAndFails(@TempDir Path dir) throws IOException {
        Path path = pathOfBytes(dir, 109, "a");
        Path cutTo108 = Path.of(path.toString().substring(0, 108));
        AFUNIXServerSocket server = AFUNIXServerSocket.newInstance();
        assertThrows(SocketException.class, () -> server.bind(AFUNIXSocketAddress.of(path)));
        // The kernel created a socket file at the path cut to 108 bytes: litter, under a name nobody asked for.
        assertTrue(Files.exists(cutTo108), "a file at the truncated path");
    }
    // end::library-no-check[]

    // Closing that socket trips over its odd address as well ("sockname too long"); the
    // test leaves it to the garbage collector rather than assert on that too.
}
