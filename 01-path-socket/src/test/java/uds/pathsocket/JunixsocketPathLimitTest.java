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

/** What junixsocket does with a path too long for sun_path, which SocketPath refuses first. */
class JunixsocketPathLimitTest {

    /** A path of exactly n bytes in UTF-8 under dir, made of the given filler character. */
    private static Path pathOfBytes(Path dir, int n, String filler) {
        int fillerBytes = filler.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        int rest = n - dir.toString().length() - 1;
        return dir.resolve(filler.repeat(rest / fillerBytes) + "x".repeat(rest % fillerBytes));
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
