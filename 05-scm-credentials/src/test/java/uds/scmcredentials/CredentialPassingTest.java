package uds.scmcredentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uds.support.SocketConstants.SO_TIMESTAMP;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uds.support.ControlMessage;
import uds.support.Credentials;
import uds.support.ErrnoException;
import uds.support.UnixSocket;
import uds.support.testing.RequiresRoot;

/** Real AF_UNIX sockets in one process, made of raw syscalls. Other processes and users: *IT. */
class CredentialPassingTest {

    @TempDir
    Path dir;

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private UnixSocket receiver(boolean passCredentials) throws IOException {
        UnixSocket receiver = UnixSocket.datagram();
        receiver.passCredentials(passCredentials);
        receiver.bind(dir.resolve("r.sock"));
        return receiver;
    }

    /** A listening stream socket with SO_PASSCRED, which the sockets it accepts inherit. */
    private static UnixSocket listeningStream(Path path) throws IOException {
        UnixSocket listener = UnixSocket.stream();
        listener.passCredentials(true);
        listener.bind(path);
        listener.listen();
        return listener;
    }

    // tag::datagram[]
    @Test
    void aDatagramCarriesItsSendersCredentials() throws IOException {
        try (UnixSocket receiver = receiver(true); UnixSocket sender = UnixSocket.datagram()) {
            sender.send(dir.resolve("r.sock"), bytes("hello"), Credentials.own());
            UnixSocket.Received message = receiver.receive(UnixSocket.CONTROL_SPACE);
            assertEquals(Credentials.own(), message.control().credentials());
            assertEquals("hello", new String(message.text(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void withSoPasscredTheKernelAttachesCredentialsNobodySent() throws IOException {
        try (UnixSocket receiver = receiver(true); UnixSocket sender = UnixSocket.datagram()) {
            sender.send(dir.resolve("r.sock"), bytes("no control message"), null);
            assertEquals(Credentials.own(), receiver.receive(UnixSocket.CONTROL_SPACE).control().credentials());
        }
    }

    @Test
    void withoutSoPasscredNoCredentialsArriveEvenWhenSent() throws IOException {
        try (UnixSocket receiver = receiver(false); UnixSocket sender = UnixSocket.datagram()) {
            sender.send(dir.resolve("r.sock"), bytes("sent with credentials"), Credentials.own());
            UnixSocket.Received message = receiver.receive(UnixSocket.CONTROL_SPACE);
            assertNull(message.control().credentials());
            assertEquals(List.of("from (no credentials): \"sent with credentials\""), message.describe());
        }
    }
    // end::datagram[]

    private static long overflowId(String name) throws IOException {
        return Long.parseLong(Files.readAllLines(Path.of("/proc/sys/kernel", name)).getFirst().strip());
    }

    // tag::timing[]
    @Test
    void soPasscredTurnedOnLateFindsTheQueuedMessageWithoutCredentials() throws IOException {
        try (UnixSocket receiver = receiver(false); UnixSocket sender = UnixSocket.datagram()) {
            sender.send(dir.resolve("r.sock"), bytes("queued early"), null);
            receiver.passCredentials(true);
            UnixSocket.Received message = receiver.receive(UnixSocket.CONTROL_SPACE);
            // Not user nobody: pid 0 and the kernel's overflow ids (65534 unless changed in
            // /proc/sys/kernel/overflowuid and overflowgid) mean "none recorded".
            long uid = overflowId("overflowuid");
            long gid = overflowId("overflowgid");
            assertEquals(new Credentials(0, uid, gid), message.control().credentials());
            assertEquals(List.of("from (no credentials: queued before SO_PASSCRED was on; the kernel says"
                    + " pid=0 uid=" + uid + " gid=" + gid + "): \"queued early\""), message.describe());
        }
    }
    // end::timing[]

    // tag::truncated[]
    @Test
    void aControlBufferTooSmallIsReportedNeverMisread() throws IOException {
        try (UnixSocket receiver = receiver(true); UnixSocket sender = UnixSocket.datagram()) {
            sender.send(dir.resolve("r.sock"), bytes("tight"), Credentials.own());
            UnixSocket.Received message = receiver.receive(ControlMessage.len(12) - 1); // one byte short
            assertTrue(message.controlCut(), "MSG_CTRUNC");
            assertNull(message.control().credentials());
            assertEquals(List.of("from (control messages cut off: MSG_CTRUNC, credentials unknown): \"tight\""),
                    message.describe());
        }
    }
    // end::truncated[]

    @Test
    void anotherControlMessageIsSkippedAndNamed() throws IOException {
        try (UnixSocket receiver = receiver(true); UnixSocket sender = UnixSocket.datagram()) {
            receiver.setOption(SO_TIMESTAMP, 1); // the kernel adds a struct timeval to each message
            sender.send(dir.resolve("r.sock"), bytes("stamped"), Credentials.own());
            UnixSocket.Received message = receiver.receive(UnixSocket.CONTROL_SPACE);
            assertEquals(Credentials.own(), message.control().credentials());
            assertEquals(List.of("level 1 type 29 (16 bytes)"), message.control().ignored());
        }
    }

    @Test
    void aLongDatagramIsCutAndSaysSo() throws IOException {
        try (UnixSocket receiver = receiver(true); UnixSocket sender = UnixSocket.datagram()) {
            sender.send(dir.resolve("r.sock"), new byte[UnixSocket.MAX_MESSAGE + 100], null);
            UnixSocket.Received message = receiver.receive(UnixSocket.CONTROL_SPACE);
            assertTrue(message.textCut(), "MSG_TRUNC");
            assertEquals(UnixSocket.MAX_MESSAGE, message.text().length);
        }
    }

    @Test
    void aStreamCarriesCredentialsPerMessageBesideSoPeercred() throws IOException {
        Path path = dir.resolve("s.sock");
        try (UnixSocket listener = listeningStream(path); UnixSocket client = UnixSocket.stream()) {
            client.connect(path);
            try (UnixSocket connection = listener.accept()) {
                client.send(null, bytes("one"), Credentials.own());
                assertEquals(Credentials.own(), connection.peerCredentials());
                assertEquals(Credentials.own(), connection.receive(UnixSocket.CONTROL_SPACE).control().credentials());
                client.close();
                assertNull(connection.receive(UnixSocket.CONTROL_SPACE), "end of stream");
            }
        }
    }

    // tag::stream[]
    @Test
    @RequiresRoot("claiming another process's credentials")
    void aStreamDoesNotMergeMessagesWithDifferentCredentials() throws IOException {
        Path path = dir.resolve("merge.sock");
        try (UnixSocket listener = listeningStream(path); UnixSocket client = UnixSocket.stream()) {
            client.connect(path);
            try (UnixSocket connection = listener.accept()) {
                client.send(null, bytes("mine "), Credentials.own());
                client.send(null, bytes("also mine "), Credentials.own());
                client.send(null, bytes("as pid 1"), new Credentials(1, 0, 0));

                UnixSocket.Received first = connection.receive(UnixSocket.CONTROL_SPACE);
                UnixSocket.Received second = connection.receive(UnixSocket.CONTROL_SPACE);
                assertEquals("mine also mine ", new String(first.text(), StandardCharsets.UTF_8), "same credentials: merged");
                assertEquals(Credentials.own(), first.control().credentials());
                assertEquals("as pid 1", new String(second.text(), StandardCharsets.UTF_8), "new credentials: a read of its own");
                assertEquals(1, second.control().credentials().pid());
            }
        }
    }
    // end::stream[]

    // tag::claims[]
    @Test
    @RequiresRoot("claiming another process's credentials")
    void rootMayClaimAnotherExistingProcessButNotOneThatDoesNotExist() throws IOException {
        try (UnixSocket receiver = receiver(true); UnixSocket sender = UnixSocket.datagram()) {
            Credentials init = new Credentials(1, 0, 0);
            sender.send(dir.resolve("r.sock"), bytes("as pid 1"), init);
            assertEquals(init, receiver.receive(UnixSocket.CONTROL_SPACE).control().credentials());

            var e = assertThrows(ErrnoException.class,
                    () -> sender.send(dir.resolve("r.sock"), bytes("ghost"), new Credentials(Integer.MAX_VALUE, 0, 0)));
            assertEquals(ErrnoException.ESRCH, e.errno());
        }
    }
    // end::claims[]
}
