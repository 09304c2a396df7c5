package uds.seqpacket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uds.support.ErrnoException;
import uds.support.ThisProcess;

class ExclusiveFileTest {

    @TempDir
    Path dir;

    private static final ExclusiveFile.Ownership MINE_0660 =
            new ExclusiveFile.Ownership(ThisProcess.uid(), ThisProcess.gid(), 0660);

    @Test
    void theModeIsExactlyTheOneAskedForWhateverTheUmask() throws IOException {
        // A mode given to open(2) passes through the umask (022 takes group write away); fchmod does not.
        Path file = dir.resolve("new");
        ExclusiveFile.create(file, "a=1\n".getBytes(), MINE_0660);
        assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("a=1\n", Files.readString(file));
    }

    @Test
    void neverWritesThroughASymlinkPlantedAtTheName() throws IOException {
        Path victim = Files.writeString(dir.resolve("victim"), "root-only\n");
        Files.setPosixFilePermissions(victim, PosixFilePermissions.fromString("rw-------"));
        Path planted = Files.createSymbolicLink(dir.resolve("new"), victim);
        var e = assertThrows(ErrnoException.class, () -> ExclusiveFile.create(planted, "x".getBytes(), MINE_0660));
        assertEquals(ErrnoException.EEXIST, e.errno());
        assertEquals("root-only\n", Files.readString(victim));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(victim)));
    }

    @Test
    void neverOpensAFileThatIsAlreadyThere() throws IOException {
        Path planted = Files.writeString(dir.resolve("new"), "planted\n");
        var e = assertThrows(ErrnoException.class, () -> ExclusiveFile.create(planted, "x".getBytes(), MINE_0660));
        assertEquals(ErrnoException.EEXIST, e.errno());
        assertEquals("planted\n", Files.readString(planted));
    }
}
