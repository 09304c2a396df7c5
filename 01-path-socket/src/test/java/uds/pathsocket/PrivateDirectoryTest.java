package uds.pathsocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uds.support.testing.RequiresRoot;
import uds.support.testing.Users;

class PrivateDirectoryTest {

    @Test
    void createsTheDirectoryWithMode0700(@TempDir Path parent) throws IOException {
        Path dir = PrivateDirectory.ensure(parent.resolve("uds-java"));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
    }

    @Test
    void acceptsItsOwnPrivateDirectoryAgain(@TempDir Path parent) throws IOException {
        Path dir = PrivateDirectory.ensure(parent.resolve("uds-java"));
        assertEquals(dir, PrivateDirectory.ensure(dir));
    }

    @Test
    void refusesADirectoryOthersCanEnter(@TempDir Path parent) throws IOException {
        Path dir = Files.createDirectory(parent.resolve("uds-java"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        var e = assertThrows(IOException.class, () -> PrivateDirectory.ensure(dir));
        assertTrue(e.getMessage().contains("is not private"), e.getMessage());
    }

    @Test
    void refusesASymlinkPlantedInItsPlace(@TempDir Path parent) throws IOException {
        Path elsewhere = Files.createDirectory(parent.resolve("elsewhere"));
        Files.setPosixFilePermissions(elsewhere, PosixFilePermissions.fromString("rwx------"));
        Path link = Files.createSymbolicLink(parent.resolve("uds-java"), elsewhere);
        assertThrows(IOException.class, () -> PrivateDirectory.ensure(link));
    }

    @Test
    @RequiresRoot("giving a directory to another user")
    void refusesADirectoryOwnedBySomebodyElse(@TempDir Path parent) throws IOException {
        Path dir = Files.createDirectory(parent.resolve("uds-java"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        long nobody = Users.nobody().uid();
        Files.setAttribute(dir, "unix:uid", (int) nobody);
        var e = assertThrows(IOException.class, () -> PrivateDirectory.ensure(dir));
        assertTrue(e.getMessage().contains("belongs to uid " + nobody), e.getMessage());
    }

    @Test
    void theDefaultSocketLivesInAPrivateDirectory() throws IOException {
        Path socket = PrivateDirectory.defaultSocket();
        assertEquals("echo.sock", socket.getFileName().toString());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent())));
    }
}
