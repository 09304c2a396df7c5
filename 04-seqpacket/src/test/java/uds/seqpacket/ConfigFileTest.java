package uds.seqpacket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uds.support.LockFile;
import uds.support.UserDatabase;
import uds.support.testing.RequiresRoot;
import uds.support.testing.Users;

class ConfigFileTest {

    @TempDir
    Path dir;

    private final List<String> log = new ArrayList<>();

    private ConfigFile open(Path file) throws IOException {
        return ConfigFile.open(file, log::add);
    }

    private List<String> filesInDir() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesPlainKeyValueLines() throws IOException {
        Path file = dir.resolve("settings.conf");
        try (ConfigFile config = open(file)) {
            config.set("colour", "blue");
            config.set("motd", "hello world");
            config.set("colour", "green");
            assertTrue(config.delete("motd"));
            assertFalse(config.delete("motd"));
            assertEquals(List.of("colour=green"), Files.readAllLines(file));
        }
        try (ConfigFile again = open(file)) {
            assertEquals(Optional.of("green"), again.get("colour"));
        }
        assertEquals(List.of("settings.conf"), filesInDir(), "no temporary file or lock file left behind");
    }

    /** Once the lock is released another server may write the file: this one must not any more. */
    @Test
    void afterCloseNoWriteStartsAndTheFileIsAsLastWritten() throws IOException {
        Path file = dir.resolve("settings.conf");
        ConfigFile config = open(file);
        config.set("colour", "blue");
        config.close();
        assertThrows(IOException.class, () -> config.set("colour", "red"));
        assertThrows(IOException.class, () -> config.delete("colour"));
        assertEquals(List.of("colour=blue"), Files.readAllLines(file));
        assertFalse(Files.exists(dir.resolve("settings.conf.lock")), "the lock is released");
        config.close(); // twice is harmless
    }

    @Test
    void aNewFileIsPrivate() throws IOException {
        Path file = dir.resolve("new.conf");
        setOnce(file, "a", "1");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    // tag::mode-kept[]
    @Test
    void keepsTheModeOfTheFileItReplaces() throws IOException {
        Path file = Files.writeString(dir.resolve("settings.conf"), "a=1\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        Object inode = Files.getAttribute(file, "unix:ino");

        setOnce(file, "b", "2");

        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertNotEquals(inode, Files.getAttribute(file, "unix:ino"), "a new file took the old one's name");
    }
    // end::mode-kept[]

    @Test
    @RequiresRoot("giving a file to another group")
    void keepsTheGroupOfTheFileItReplaces() throws IOException {
        Path file = Files.writeString(dir.resolve("settings.conf"), "a=1\n");
        GroupPrincipal group = file.getFileSystem().getUserPrincipalLookupService()
                .lookupPrincipalByGroupName(UserDatabase.groupName(Users.wwwData().gid()).orElseThrow());
        Files.getFileAttributeView(file, PosixFileAttributeView.class).setGroup(group);

        setOnce(file, "b", "2");

        assertEquals(group, Files.readAttributes(file, PosixFileAttributes.class).group());
    }

    // tag::strict-tests[]
    @Test
    @RequiresRoot("a file that belongs to another user")
    void refusesAFileAnotherUserPlanted() throws IOException {
        Path file = Files.writeString(dir.resolve("settings.conf"), "admin=yes\n");
        Files.setOwner(file, file.getFileSystem().getUserPrincipalLookupService()
                .lookupPrincipalByName(Users.nobody().name()));
        var e = assertThrows(TrustedPath.Untrusted.class, () -> open(file));
        assertTrue(e.getMessage().contains("belongs to uid " + UserDatabase.userLabel(Users.nobody().uid())), e.getMessage());
    }

    @Test
    void refusesAFileOthersMayWrite() throws IOException {
        Path file = Files.writeString(dir.resolve("settings.conf"), "a=1\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
        var e = assertThrows(TrustedPath.Untrusted.class, () -> open(file));
        assertEquals("file " + file.toRealPath() + " has mode 0666: others may write to it; chmod go-w it", e.getMessage());
    }

    @Test
    void refusesASymlinkAndLeavesItsTargetAlone() throws IOException {
        Path victim = Files.writeString(dir.resolve("victim"), "secret\n");
        Files.setPosixFilePermissions(victim, PosixFilePermissions.fromString("rw-------"));
        Path link = Files.createSymbolicLink(dir.resolve("settings.conf"), victim);
        var e = assertThrows(TrustedPath.Untrusted.class, () -> open(link));
        assertTrue(e.getMessage().endsWith("is a symbolic link, not a regular file: refusing to use it"), e.getMessage());
        assertEquals("secret\n", Files.readString(victim));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(victim)));
    }

    /** A second name may sit anywhere on the file system, and the first SET would split the link. */
    @Test
    void refusesAFileWithASecondHardLink() throws IOException {
        Path file = Files.writeString(dir.resolve("settings.conf"), "colour=blue\n");
        Path other = Files.createLink(dir.resolve("other-name.conf"), file);
        var e = assertThrows(TrustedPath.Untrusted.class, () -> open(file));
        assertTrue(e.getMessage().endsWith("has 2 hard links: another name for it may be anyone's to use; give it a"
                + " single name"), e.getMessage());
        assertEquals("colour=blue\n", Files.readString(other), "left alone");
    }

    @Test
    void refusesAFifoAtOnceInsteadOfHangingOnIt() throws Exception {
        Path fifo = dir.resolve("settings.conf");
        assertEquals(0, new ProcessBuilder("mkfifo", "-m", "600", fifo.toString()).start().waitFor());
        var e = assertThrows(TrustedPath.Untrusted.class, () -> open(fifo));
        assertTrue(e.getMessage().endsWith("is a FIFO, not a regular file: refusing to use it"), e.getMessage());
    }

    @Test
    void refusesADirectoryOthersMayWrite() throws IOException {
        Path shared = Files.createDirectory(dir.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        var e = assertThrows(TrustedPath.Untrusted.class, () -> open(shared.resolve("settings.conf")));
        assertEquals("directory " + shared.toRealPath() + " has mode 0777: others may write to it; chmod go-w it",
                e.getMessage());
    }

    @Test
    void refusesAStickyDirectoryRightAboveTheFile() throws IOException {
        Path shared = Files.createDirectory(dir.resolve("shared"));
        Files.setAttribute(shared, "unix:mode", 01777); // like /tmp: fine higher up, not as the file's own
        assertThrows(TrustedPath.Untrusted.class, () -> open(shared.resolve("settings.conf")));
    }

    @Test
    void refusesAMissingDirectoryAtStartUp() {
        Path file = dir.resolve("no-such-dir").resolve("settings.conf");
        var e = assertThrows(TrustedPath.Untrusted.class, () -> open(file));
        assertTrue(e.getMessage().startsWith("directory " + file.getParent() + " does not exist"), e.getMessage());
    }
    // end::strict-tests[]

    @Test
    void aSecondOpenOfTheSameFileIsRefusedWhileTheFirstHoldsIt() throws IOException {
        Path file = dir.resolve("settings.conf");
        try (ConfigFile first = open(file)) {
            assertThrows(LockFile.Held.class, () -> open(file));
            first.set("still", "mine");
        }
        assertEquals(List.of("still=mine"), Files.readAllLines(file));
    }

    @Test
    void openingRemovesTemporaryFilesAKilledServerLeft() throws IOException {
        Path file = Files.writeString(dir.resolve("settings.conf"), "a=1\n");
        Path leftover = Files.writeString(dir.resolve(".settings.conf.0123456789abcdef.tmp"), "a=1\nb=");
        Path unrelated = Files.writeString(dir.resolve(".other.conf.0123.tmp"), "x");
        try (ConfigFile config = open(file)) {
            assertEquals(Optional.of("1"), config.get("a"));
        }
        assertFalse(Files.exists(leftover));
        assertTrue(Files.exists(unrelated), "not ours to remove");
        assertEquals(List.of("removed .settings.conf.0123456789abcdef.tmp, left by a server stopped while writing"), log);
    }

    @Test
    void refusesToLoadAMalformedFile() throws IOException {
        Path file = Files.writeString(dir.resolve("settings.conf"), "a=1\nnot a setting\n");
        var e = assertThrows(IOException.class, () -> open(file));
        assertEquals(file + ":2: not a key=value line", e.getMessage());
    }

    private void setOnce(Path file, String key, String value) throws IOException {
        try (ConfigFile config = open(file)) {
            config.set(key, value);
        }
    }
}
