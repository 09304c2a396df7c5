package uds.seqpacket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uds.support.ServerProcess;
import uds.support.ThisProcess;
import uds.support.testing.Commands;
import uds.support.testing.JarUnderTest;
import uds.support.testing.Transcript;

/**
 * A full disk loses nothing: the client is told why its SET failed, the old file stays whole,
 * no temporary file is left, and once there is room again the next SET works. The disk is a
 * 64 KiB tmpfs mounted for the test, which needs root.
 */
class DiskFullIT {

    @TempDir
    Path dir;

    // tag::full[]
    @Test
    void aSetOnAFullDiskIsAnsweredAndTheFileStaysWhole() throws Exception {
        skipUnless(ThisProcess.isRoot(), "mounting a small tmpfs to fill needs root; the tests ran as uid " + ThisProcess.uid());
        Path disk = Files.createDirectory(dir.resolve("disk"));
        Commands.Result mount = Commands.run(List.of("mount", "-t", "tmpfs", "-o", "size=64k,mode=0755", "tmpfs",
                disk.toString()), "");
        skipUnless(mount.exit() == 0, "this machine lets no one mount a tmpfs: " + mount.stderr().strip());
        Transcript transcript = new Transcript();
        try {
            Path config = Files.writeString(disk.resolve("settings.conf"), "colour=blue\n");
            Path socket = dir.resolve("update.sock");
            try (ServerProcess server = transcript.startIn(dir, JarUnderTest.get().command("server", "--socket",
                    socket.toString(), "--config", config.toString()), "listening on")) {
                Path filler = fill(disk);
                transcript.note("(the disk is now full: " + Files.size(filler) + " bytes of filler)");
                Commands.Result full = transcript.record(client(socket, "SET colour green"));
                assertEquals(new Commands.Result(1, "ERR no space left\n", "error: 1 of 1 requests failed\n"), full);
                transcript.serverSays(server, "cannot write");
                assertEquals("colour=blue\n", Files.readString(config), "the old file, whole");
                assertEquals(List.of("filler", "settings.conf", "settings.conf.lock"), names(disk), "no temporary file left");

                Files.delete(filler);
                transcript.note("(the filler is gone)");
                assertEquals(new Commands.Result(0, "OK\n", ""), transcript.record(client(socket, "SET colour green")));
                assertEquals("colour=green\n", Files.readString(config));
            }
        } finally {
            Commands.run(List.of("umount", "--lazy", disk.toString()), "");
        }
        transcript.write("disk-full");
    }
    // end::full[]

    /** Skipped with the reason, which the page shows in place of the transcript. */
    private static void skipUnless(boolean condition, String why) throws IOException {
        if (!condition) {
            Transcript skipped = new Transcript();
            skipped.note("(Not captured: " + why + ".)");
            skipped.write("disk-full");
        }
        assumeTrue(condition, why);
    }

    private static List<String> client(Path socket, String request) {
        return JarUnderTest.get().command("client", "--socket", socket.toString(), request);
    }

    /** Writes until the disk refuses: whatever IOException that is, the file system then has no room. */
    private static Path fill(Path disk) throws IOException {
        Path filler = disk.resolve("filler");
        byte[] block = new byte[1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException full) {
            assertTrue(Files.getFileStore(disk).getUsableSpace() < block.length, "full: " + full);
        }
        return filler;
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
