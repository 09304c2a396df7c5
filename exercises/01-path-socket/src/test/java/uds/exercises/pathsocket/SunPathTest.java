package uds.exercises.pathsocket;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

import uds.support.testing.Exercise;

@Exercise(id = "01.2", title = "Count sun_path in bytes", step = "Step 4: the 108-byte limit",
        file = "SunPath.java",
        statement = "`fits(path)` must say whether the kernel can take the path: its UTF-8 bytes and a terminating"
                + " NUL in 108 bytes.",
        hints = {
            "A Java `String` counts UTF-16 chars; `ü` is one char but two bytes in UTF-8.",
            "`path.toString().getBytes(StandardCharsets.UTF_8).length` is what the kernel counts; add one for the NUL."})
class SunPathTest {

    @TempDir
    Path dir;

    /** A path under dir of exactly bytes bytes (without the NUL), its last part made of c. */
    private Path pathOf(int bytes, String c) {
        String prefix = dir.toString() + "/";
        int left = bytes - prefix.getBytes(StandardCharsets.UTF_8).length;
        int each = c.getBytes(StandardCharsets.UTF_8).length;
        return Path.of(prefix + "x".repeat(left % each) + c.repeat(left / each));
    }

    @Test
    void oneHundredAndSevenBytesFitAndReallyBind() throws IOException {
        Path path = pathOf(107, "a");
        assertTrue(SunPath.fits(path));
        try (AFUNIXServerSocket server = AFUNIXServerSocket.newInstance()) {
            server.bind(AFUNIXSocketAddress.of(path)); // the kernel agrees
            assertTrue(Files.exists(path));
        }
    }

    @Test
    void oneHundredAndEightBytesDoNotLeaveRoomForTheNul() {
        assertFalse(SunPath.fits(pathOf(108, "a")));
    }

    @Test
    void bytesNotCharsAreCounted() {
        Path umlauts = pathOf(120, "ü"); // far fewer than 108 chars
        assertTrue(umlauts.toString().length() < 108);
        assertFalse(SunPath.fits(umlauts));
    }
}
