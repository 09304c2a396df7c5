package uds.pathsocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.BindException;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the JDK's own AF_UNIX support does where junixsocket differs (the walkthrough's table). */
class JdkSocketTest {

    @TempDir
    Path dir;

    private static ServerSocketChannel bind(Path socket) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(socket));
            return server;
        } catch (IOException e) {
            server.close();
            throw e;
        }
    }

    @Test
    void leavesTheSocketFileBehindOnClose() throws IOException {
        Path socket = dir.resolve("jdk.sock");
        bind(socket).close();
        assertTrue(Files.exists(socket, LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void neverBindsOverAnExistingFile() throws IOException {
        Path file = Files.writeString(dir.resolve("jdk.sock"), "precious");
        assertThrows(BindException.class, () -> bind(file)); // EADDRINUSE
        assertEquals("precious", Files.readString(file));
    }

    @Test
    void refusesAnOverlongPathWithoutSayingByHowMuch() {
        Path socket = dir.resolve("x".repeat(120));
        var e = assertThrows(SocketException.class, () -> bind(socket));
        assertEquals("Unix domain path too long", e.getMessage());
    }
}
