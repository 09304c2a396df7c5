package uds.scmrights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

import uds.support.ErrnoException;
import uds.support.KernelFeatures;
import uds.support.ServerLimits;
import uds.support.ThisProcess;
import uds.support.UserDatabase;
import uds.support.testing.ProcessFigures;

/** The opener in this JVM, real sockets, real files: what it hands out and what it refuses. */
class OpenerTest {

    @TempDir
    Path dir;

    private Opener opener;
    private Thread serving;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    /** Starts an opener on its own thread, allowing files (and this user only). */
    private Path start(boolean refuseRights, Path... files) throws IOException {
        Path socket = dir.resolve("opener.sock");
        opener = Opener.bind(socket, new AllowList(Set.of(files), Set.of(ThisProcess.uid())),
                new ServerLimits(16, 16, Duration.ofSeconds(5)), refuseRights, new PrintStream(log, true, StandardCharsets.UTF_8));
        serving = Thread.ofPlatform().start(() -> {
            try {
                opener.serve();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return socket;
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (opener != null) {
            opener.close();
            serving.join(5000);
        }
    }

    private static byte[] everyByte() {
        byte[] bytes = new byte[70_000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }

    /** One request on a fresh connection, through junixsocket or raw syscalls; the reply as it came. */
    private static RawRights.Reply ask(Path socket, String request, boolean raw) throws IOException {
        try (AFUNIXSocket connection = AFUNIXSocket.connectTo(AFUNIXSocketAddress.of(socket))) {
            byte[] line = (request + "\n").getBytes(StandardCharsets.UTF_8);
            return raw ? FileClient.rawExchange(connection, line) : FileClient.exchange(connection, line);
        }
    }

    private static byte[] fetch(Path socket, Path file, boolean raw) throws IOException {
        try (AFUNIXSocket connection = AFUNIXSocket.connectTo(AFUNIXSocketAddress.of(socket))) {
            byte[] line = (file + "\n").getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream copy = new ByteArrayOutputStream();
            // Inside the connection's scope: junixsocket closes what it received when it closes.
            FileClient.copy(raw ? FileClient.rawExchange(connection, line) : FileClient.exchange(connection, line), file, copy);
            return copy.toByteArray();
        }
    }

    // tag::granted[]
    @Test
    void theClientReadsTheFileThroughTheDescriptorItReceived() throws IOException {
        Path file = Files.write(dir.resolve("data.bin"), everyByte());
        Path socket = start(true, file);
        assertArrayEquals(everyByte(), fetch(socket, file, false), "junixsocket's API");
        assertArrayEquals(everyByte(), fetch(socket, file, true), "recvmsg through FFM");
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("pid=" + ProcessHandle.current().pid() + " uid=" + UserDatabase.userLabel(ThisProcess.uid()) + ": handed \"" + file + "\""));
    }
    // end::granted[]

    @Test
    void oneConnectionMayAskAgainAndGetsADescriptorEachTime() throws IOException {
        Path file = Files.writeString(dir.resolve("a.txt"), "again\n");
        Path socket = start(true, file);
        try (AFUNIXSocket connection = AFUNIXSocket.connectTo(AFUNIXSocketAddress.of(socket))) {
            for (int i = 0; i < 3; i++) {
                ByteArrayOutputStream copy = new ByteArrayOutputStream();
                FileClient.copy(FileClient.exchange(connection, (file + "\n").getBytes(StandardCharsets.UTF_8)), file, copy);
                assertEquals("again\n", copy.toString(StandardCharsets.UTF_8));
            }
        }
    }

    // tag::refused[]
    @Test
    void onlyTheExactPathOnTheListIsOpened() throws IOException {
        Path file = Files.writeString(dir.resolve("listed.txt"), "listed");
        Files.writeString(dir.resolve("other.txt"), "other");
        Path socket = start(true, file);
        for (String request : List.of(dir.resolve("other.txt").toString(), dir + "/./listed.txt",
                dir + "/x/../listed.txt", "listed.txt", dir + "//listed.txt")) {
            RawRights.Reply reply = ask(socket, request, false);
            assertEquals("ERR not on the allow list", reply.line(), request);
            assertEquals(List.of(), reply.descriptors());
        }
    }

    @Test
    void aSymbolicLinkAnywhereOnTheWayIsNotFollowed() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "secret");
        Path link = Files.createSymbolicLink(dir.resolve("link.txt"), secret);
        Files.createDirectory(dir.resolve("real"));
        Files.writeString(dir.resolve("real/file.txt"), "behind a linked directory");
        Files.createSymbolicLink(dir.resolve("linked"), dir.resolve("real"));
        Path throughLinkedDirectory = dir.resolve("linked/file.txt");
        Path socket = start(true, link, throughLinkedDirectory);
        assertEquals("ERR a symbolic link on the way: not followed", ask(socket, link.toString(), false).line());
        assertEquals("ERR a symbolic link on the way: not followed", ask(socket, throughLinkedDirectory.toString(), false).line());
    }
    // end::refused[]

    @Test
    void aFifoOrADirectoryIsRefusedAndAFifoMakesNobodyWait() throws Exception {
        Path fifo = dir.resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Path directory = Files.createDirectory(dir.resolve("directory"));
        Path socket = start(true, fifo, directory);
        // Opened without O_NONBLOCK, a FIFO with no writer blocks the opener's thread for good.
        assertTimeoutPreemptively(Duration.ofSeconds(5), () ->
                assertEquals("ERR not a regular file but a FIFO", ask(socket, fifo.toString(), false).line()));
        assertEquals("ERR not a regular file but a directory", ask(socket, directory.toString(), false).line());
    }

    @Test
    void aMissingFileIsNamedByItsErrno() throws IOException {
        Path missing = dir.resolve("missing.txt");
        Path socket = start(true, missing);
        assertEquals("ERR cannot open: ENOENT (No such file or directory)", ask(socket, missing.toString(), false).line());
    }

    @Test
    void anOversizedOrMalformedRequestIsAnsweredAndTheOpenerKeepsServing() throws IOException {
        Path file = Files.writeString(dir.resolve("f.txt"), "still here");
        Path socket = start(true, file);
        try (AFUNIXSocket connection = AFUNIXSocket.connectTo(AFUNIXSocketAddress.of(socket))) {
            byte[] huge = new byte[Opener.MAX_REQUEST + 1000];
            Arrays.fill(huge, (byte) 'a');
            connection.getOutputStream().write(huge);
            assertEquals("ERR request longer than 4096 bytes\n",
                    new String(connection.getInputStream().readAllBytes(), StandardCharsets.UTF_8), "then the opener hangs up");
        }
        try (AFUNIXSocket connection = AFUNIXSocket.connectTo(AFUNIXSocketAddress.of(socket))) {
            assertEquals("ERR the request is not UTF-8 text",
                    FileClient.exchange(connection, new byte[] {(byte) 0xff, '\n'}).line());
        }
        assertEquals("still here", new String(fetch(socket, file, false), StandardCharsets.UTF_8));
    }

    // tag::passrights[]
    @Test
    void withSoPassrightsOffTheKernelRefusesDescriptorsSentToTheOpener() throws IOException {
        Path file = Files.writeString(dir.resolve("f.txt"), "x");
        Path socket = start(true, file);
        assumeTrue(KernelFeatures.PASS_RIGHTS, "this kernel has no SO_PASSRIGHTS (Linux 6.16)");
        try (AFUNIXSocket connection = AFUNIXSocket.connectTo(AFUNIXSocketAddress.of(socket))) {
            int fd = Descriptors.number(connection.getFileDescriptor());
            ErrnoException refused = assertThrows(ErrnoException.class,
                    () -> RawRights.send(fd, "/".getBytes(StandardCharsets.US_ASCII), fd));
            assertEquals(ErrnoException.EPERM, refused.errno());
        }
    }
    // end::passrights[]

    // tag::unasked[]
    @Test
    void withoutSoPassrightsUnaskedDescriptorsStillNeverReachTheOpener() throws IOException {
        Path file = Files.writeString(dir.resolve("f.txt"), "x");
        Path socket = start(false, file);
        long self = ProcessHandle.current().pid();
        try (AFUNIXSocket connection = AFUNIXSocket.connectTo(AFUNIXSocketAddress.of(socket));
             FileInputStream sent = new FileInputStream(file.toFile())) {
            int fd = Descriptors.number(connection.getFileDescriptor());
            int[] ten = new int[10];
            Arrays.fill(ten, Descriptors.number(sent.getFD())); // only `sent` has f.txt open
            for (int i = 0; i < 100; i++) {
                RawRights.send(fd, "/".getBytes(StandardCharsets.US_ASCII), ten); // the kernel takes them
            }
            RawRights.send(fd, "\n".getBytes(StandardCharsets.US_ASCII));
            assertEquals("ERR not on the allow list", RawRights.receiveLine(fd, 200, 1).line());
            // 1,000 descriptors of f.txt were sent, and the opener has read their bytes. Its
            // ancillary buffer (junixsocket's) is 0 bytes until set, so recvmsg had no room for
            // them: the kernel closed them instead of installing them. Only `sent` has it open.
            assertEquals(1, ProcessFigures.descriptorsOn(self, file), "descriptors open on f.txt in this process");
        }
    }
    // end::unasked[]
}
