package uds.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SocketPathTest {

    /** A path of exactly n bytes in UTF-8 under dir, made of the given filler character. */
    private static Path pathOfBytes(Path dir, int n, String filler) {
        int fillerBytes = filler.getBytes(StandardCharsets.UTF_8).length;
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

    @Test
    void checkFreeRefusesAnythingInTheWayAndDeletesNothing(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("taken"), "precious");
        var e = assertThrows(IOException.class, () -> SocketPath.checkFree(file));
        assertTrue(e.getMessage().startsWith(file + " already exists"), e.getMessage());
        assertEquals("precious", Files.readString(file));
        Path link = Files.createSymbolicLink(dir.resolve("link"), dir.resolve("nowhere"));
        assertThrows(IOException.class, () -> SocketPath.checkFree(link));
        assertEquals(dir.resolve("free"), SocketPath.checkFree(dir.resolve("free")));
    }
}
