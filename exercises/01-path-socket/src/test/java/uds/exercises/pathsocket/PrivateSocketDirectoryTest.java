package uds.exercises.pathsocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

import uds.support.testing.Exercise;

@Exercise(id = "01.3", title = "Bind in a private directory", step = "Step 3: permissions",
        file = "PrivateSocketDirectory.java",
        statement = "`create(dir)` must make dir with mode 0700 from the start, or accept an existing directory only if"
                + " it is ours with mode 0700; a symlink or a looser directory is refused.",
        hints = {
            "`Files.createDirectories` takes its mode from the umask. `Files.createDirectory(dir, attribute)` sets it"
                    + " at creation: `PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(\"rwx------\"))`.",
            "An existing directory is a `FileAlreadyExistsException`: then look at it with `LinkOption.NOFOLLOW_LINKS`"
                    + " (`Files.isDirectory`, `\"unix:mode\"`, `\"unix:uid\"`).",
            "Compare the owner with your own uid: `Files.getAttribute(Path.of(\"/proc/self\"), \"unix:uid\")`."})
class PrivateSocketDirectoryTest {

    @TempDir
    Path tmp;

    @Test
    void aNewDirectoryIsMode0700AndTakesASocket() throws IOException {
        Path dir = PrivateSocketDirectory.create(tmp.resolve("private"));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        try (AFUNIXServerSocket server = AFUNIXServerSocket.newInstance()) {
            server.bind(AFUNIXSocketAddress.of(dir.resolve("echo.sock")));
            assertTrue(Files.exists(dir.resolve("echo.sock")));
        }
    }

    @Test
    void anExistingPrivateDirectoryOfOursIsAccepted() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("private"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        assertEquals(dir, PrivateSocketDirectory.create(dir));
    }

    @Test
    void anExistingDirectoryOthersCanEnterIsRefused() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("open"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThrows(IOException.class, () -> PrivateSocketDirectory.create(dir));
    }

    @Test
    void aSymlinkIsRefusedEvenToAPrivateDirectory() throws IOException {
        Path real = Files.createDirectory(tmp.resolve("real"));
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rwx------"));
        Path link = Files.createSymbolicLink(tmp.resolve("link"), real);
        assertThrows(IOException.class, () -> PrivateSocketDirectory.create(link));
    }
}
