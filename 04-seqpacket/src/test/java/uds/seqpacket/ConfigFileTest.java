package uds.seqpacket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uds.support.testing.RequiresRoot;
import uds.support.testing.Users;

class ConfigFileTest {

    @TempDir
    Path dir;

    private List<String> filesInDir() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesPlainKeyValueLines() throws IOException {
        Path file = dir.resolve("settings.conf");
        ConfigFile config = ConfigFile.load(file);
        config.set("colour", "blue");
        config.set("motd", "hello world");
        config.set("colour", "green");
        assertTrue(config.delete("motd"));
        assertFalse(config.delete("motd"));
        assertEquals(List.of("colour=green"), Files.readAllLines(file));
        assertEquals(Optional.of("green"), ConfigFile.load(file).get("colour"));
        assertEquals(List.of("settings.conf"), filesInDir(), "no temporary file left behind");
    }

    @Test
    void aNewFileIsPrivate() throws IOException {
        Path file = dir.resolve("new.conf");
        ConfigFile.load(file).set("a", "1");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    // tag::mode-kept[]
    @Test
    void keepsTheModeOfTheFileItReplaces() throws IOException {
        Path file = Files.writeString(dir.resolve("settings.conf"), "a=1\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        Object inode = Files.getAttribute(file, "unix:ino");

        ConfigFile.load(file).set("b", "2");

        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertNotEquals(inode, Files.getAttribute(file, "unix:ino"), "a new file took the old one's name");
    }
    // end::mode-kept[]

    @Test
    @RequiresRoot("giving a file to another user")
    void keepsTheOwnerOfTheFileItReplaces() throws IOException {
        Path file = Files.writeString(dir.resolve("settings.conf"), "a=1\n");
        UserPrincipal wwwData = file.getFileSystem().getUserPrincipalLookupService()
                .lookupPrincipalByName(Users.wwwData().name());
        Files.setOwner(file, wwwData);

        ConfigFile.load(file).set("b", "2");

        assertEquals(wwwData, Files.getOwner(file));
    }

    @Test
    void refusesToLoadAMalformedFile() throws IOException {
        Path file = Files.writeString(dir.resolve("settings.conf"), "a=1\nnot a setting\n");
        var e = assertThrows(IOException.class, () -> ConfigFile.load(file));
        assertEquals(file + ":2: not a key=value line", e.getMessage());
    }
}
