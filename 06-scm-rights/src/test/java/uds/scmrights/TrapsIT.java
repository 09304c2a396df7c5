package uds.scmrights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uds.support.SocketConstants.MSG_CMSG_CLOEXEC;
import static uds.support.SocketConstants.MSG_DONTWAIT;
import static uds.support.SocketConstants.SOCK_SEQPACKET;
import static uds.support.SocketConstants.SOCK_STREAM;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

import uds.support.ControlMessage;
import uds.support.ErrnoException;
import uds.support.SocketMessages;
import uds.support.testing.ProcessFigures;
import uds.support.testing.Transcript;

/**
 * The traps of descriptor passing, each shown on real sockets in this process and pinned, so
 * that a kernel or junixsocket that behaves otherwise fails here. What each run saw is written
 * to the walkthrough's transcript (traps.txt).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrapsIT {

    private static final Transcript TRANSCRIPT = new Transcript();
    private static Path dir;
    private static FileInputStream file;

    @BeforeAll
    static void aFileToPass() throws IOException {
        dir = Files.createTempDirectory("uds-traps-");
        file = new FileInputStream(Files.writeString(dir.resolve("passed.txt"), "read through a passed descriptor").toFile());
    }

    @AfterAll
    static void writeTranscript() throws IOException {
        file.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
        TRANSCRIPT.write("traps");
    }

    /**
     * This process's descriptors open on the passed file (its own first one included): the
     * ones passing installed. Not all of /proc/self/fd, which the JVM changes as it likes.
     */
    static long openDescriptors() throws IOException {
        return ProcessFigures.descriptorsOn(ProcessHandle.current().pid(), dir.resolve("passed.txt"));
    }

    private static int passed() throws IOException {
        return Descriptors.number(file.getFD());
    }

    /** A junixsocket connection pair through a listening socket in dir. */
    private record Connection(AFUNIXSocket sender, AFUNIXSocket receiver) implements AutoCloseable {
        static Connection open(String name) throws IOException {
            Path path = dir.resolve(name + ".sock");
            try (AFUNIXServerSocket server = AFUNIXServerSocket.bindOn(AFUNIXSocketAddress.of(path))) {
                AFUNIXSocket sender = AFUNIXSocket.connectTo(AFUNIXSocketAddress.of(path));
                return new Connection(sender, (AFUNIXSocket) server.accept());
            }
        }

        @Override
        public void close() throws IOException {
            sender.close();
            receiver.close();
        }
    }

    // tag::zero-bytes[]
    @Test
    @Order(1)
    void onAStreamADescriptorNeedsAtLeastOneByteToRideOn() throws IOException {
        try (SocketPair stream = SocketPair.of(SOCK_STREAM); SocketPair seqpacket = SocketPair.of(SOCK_SEQPACKET)) {
            // SOCK_STREAM: sendmsg with no bytes "succeeds", sends nothing, and the descriptor is gone.
            assertEquals(0, RawRights.send(stream.one(), new byte[0], passed()));
            ErrnoException nothing = assertThrows(ErrnoException.class,
                    () -> SocketMessages.receive(stream.other(), 100, ControlMessage.rightsSpace(1), MSG_DONTWAIT));
            assertEquals(ErrnoException.EAGAIN, nothing.errno());
            // SOCK_SEQPACKET (and SOCK_DGRAM): an empty message is a message, and carries it.
            assertEquals(0, RawRights.send(seqpacket.one(), new byte[0], passed()));
            SocketMessages.Received empty = SocketMessages.receive(seqpacket.other(), 100, ControlMessage.rightsSpace(1),
                    MSG_CMSG_CLOEXEC);
            assertEquals(0, empty.length());
            assertEquals(1, empty.descriptors().length);
            Descriptors.close(empty.descriptors()[0]);
        }
        TRANSCRIPT.note("zero data bytes, SOCK_STREAM: sendmsg returned 0, the receiver found nothing queued (EAGAIN)");
        TRANSCRIPT.note("zero data bytes, SOCK_SEQPACKET: an empty message arrived with 1 descriptor");
    }
    // end::zero-bytes[]

    @Test
    @Order(2)
    void junixsocketDropsOutboundDescriptorsOnAnEmptyWrite() throws IOException {
        try (Connection c = Connection.open("empty")) {
            c.receiver().setAncillaryReceiveBufferSize(1024);
            c.sender().setOutboundFileDescriptors(file.getFD());
            c.sender().getOutputStream().write(new byte[0]);
            assertFalse(c.sender().hasOutboundFileDescriptors(), "the empty write took them");
            c.sender().getOutputStream().write('x');
            assertEquals('x', c.receiver().getInputStream().read());
            assertEquals(0, c.receiver().getReceivedFileDescriptors().length, "and the next write did not carry them");
        }
        TRANSCRIPT.note("junixsocket, setOutboundFileDescriptors then write(new byte[0]): hasOutboundFileDescriptors()"
                + " false, the next byte arrived with 0 descriptors");
    }

    // tag::buffer-off[]
    @Test
    @Order(3)
    void junixsocketReceivesNoDescriptorUntilItsAncillaryBufferIsSized() throws IOException {
        try (Connection c = Connection.open("unsized")) {
            assertEquals(0, c.receiver().getAncillaryReceiveBufferSize(), "off by default");
            c.sender().setOutboundFileDescriptors(file.getFD());
            c.sender().getOutputStream().write('x');
            assertEquals('x', c.receiver().getInputStream().read(), "the byte arrives");
            assertEquals(0, c.receiver().getReceivedFileDescriptors().length, "the descriptor does not, and no error says so");

            c.receiver().setAncillaryReceiveBufferSize(1);
            assertEquals(256, c.receiver().getAncillaryReceiveBufferSize(), "junixsocket's smallest size");
            c.sender().setOutboundFileDescriptors(file.getFD());
            c.sender().getOutputStream().write('y');
            assertEquals('y', c.receiver().getInputStream().read());
            FileDescriptor[] received = c.receiver().getReceivedFileDescriptors();
            assertEquals(1, received.length);
            Descriptors.close(received[0]);
        }
        TRANSCRIPT.note("junixsocket, ancillary receive buffer 0 (the default): the byte arrived, 0 descriptors, no exception");
        TRANSCRIPT.note("junixsocket, buffer set to 1: it became 256 bytes; the next descriptor arrived");
    }
    // end::buffer-off[]

    // tag::ctrunc[]
    @Test
    @Order(4)
    void moreDescriptorsThanTheBufferHoldsSetMsgCtruncAndTheKernelClosesTheRest() throws IOException {
        try (SocketPair pair = SocketPair.of(SOCK_STREAM)) {
            for (long room : new long[] {ControlMessage.space(Integer.BYTES), ControlMessage.len(Integer.BYTES)}) {
                long before = openDescriptors();
                RawRights.send(pair.one(), "x".getBytes(StandardCharsets.US_ASCII), passed(), passed(), passed());
                SocketMessages.Received message = SocketMessages.receive(pair.other(), 100, room, MSG_CMSG_CLOEXEC);
                assertTrue(message.controlCut(), "MSG_CTRUNC");
                int fitted = message.descriptors().length;
                // CMSG_SPACE pads to 8 bytes: room for one int is room for two.
                assertEquals(room == 24 ? 2 : 1, fitted, "what fitted in " + room + " bytes");
                assertEquals(before + fitted, openDescriptors(), "the others were never installed");
                Arrays.stream(message.descriptors()).forEach(Descriptors::close);
                TRANSCRIPT.note("3 descriptors, a control buffer of " + room + " bytes: MSG_CTRUNC set, " + fitted
                        + " installed, the kernel closed " + (3 - fitted));
            }
        }
    }
    // end::ctrunc[]

    @Test
    @Order(5)
    void junixsocketThrowsOnMsgCtruncAndLeavesWhatFittedOpen() throws IOException {
        try (Connection c = Connection.open("cut")) {
            c.receiver().setAncillaryReceiveBufferSize(256);
            FileDescriptor[] hundred = new FileDescriptor[100];
            Arrays.fill(hundred, file.getFD());
            long before = openDescriptors();
            c.sender().setOutboundFileDescriptors(hundred);
            c.sender().getOutputStream().write('x');
            c.sender().getOutputStream().write('y');
            assertThrows(SocketException.class, () -> c.receiver().getInputStream().read());
            long installed = openDescriptors() - before;
            assertEquals(60, installed, "CMSG_SPACE(60 * 4) = 256: sixty fitted, and they are open in this process");
            FileDescriptor[] collected = c.receiver().getReceivedFileDescriptors();
            int collectedCount = collected == null ? 0 : collected.length;
            for (FileDescriptor fd : collected == null ? new FileDescriptor[0] : collected) {
                Descriptors.close(fd);
            }
            assertEquals('y', c.receiver().getInputStream().read(), "the byte that carried them is gone");
            c.receiver().close();
            long afterClose = openDescriptors() - before;
            // junixsocket 2.10.1 loses track of them: the socket is closed, the 60 are not.
            assertEquals(installed, afterClose, "still open after the socket's close");
            TRANSCRIPT.note("junixsocket, 100 descriptors into 256 bytes: read() threw SocketException, " + installed
                    + " descriptors were installed, getReceivedFileDescriptors() returned " + collectedCount
                    + ", the next read returned the following byte; after the socket's close(): "
                    + (afterClose < 0 ? "none left open" : afterClose + " still open"));
        }
    }

    // tag::uncollected[]
    @Test
    @Order(6)
    void descriptorsNobodyCollectsStayOpenInTheReceiver() throws IOException {
        try (Connection c = Connection.open("uncollected")) {
            c.receiver().setAncillaryReceiveBufferSize(256);
            long before = openDescriptors();
            for (int i = 0; i < 50; i++) {
                c.sender().setOutboundFileDescriptors(file.getFD());
                c.sender().getOutputStream().write('x');
                assertEquals('x', c.receiver().getInputStream().read());
            }
            assertEquals(before + 50, openDescriptors(), "each read installed one, collected or not");
            c.receiver().clearReceivedFileDescriptors();
            assertEquals(before + 50, openDescriptors(), "clearing forgets them; it closes nothing");
            c.receiver().close();
            assertEquals(before, openDescriptors(), "closing the socket closes them");
            TRANSCRIPT.note("junixsocket, 50 messages read, descriptors never collected: 50 more open descriptors;"
                    + " after clearReceivedFileDescriptors(): still 50 more; after the socket's close(): all closed");
        }
    }
    // end::uncollected[]

    // tag::three-views[]
    @Test
    @Order(7)
    void ffmAndJunixsocketPassDescriptorsToEachOther() throws IOException {
        try (Connection c = Connection.open("views")) {
            int sender = Descriptors.number(c.sender().getFileDescriptor());
            int receiver = Descriptors.number(c.receiver().getFileDescriptor());

            RawRights.send(sender, "ffm\n".getBytes(StandardCharsets.US_ASCII), passed()); // FFM sends ...
            c.receiver().setAncillaryReceiveBufferSize(256);
            assertEquals('f', c.receiver().getInputStream().read());
            FileDescriptor[] one = c.receiver().getReceivedFileDescriptors(); // ... junixsocket receives
            assertEquals("read through a passed descriptor", readAll(one[0]));
            c.receiver().getInputStream().readNBytes(3);

            c.sender().setOutboundFileDescriptors(file.getFD()); // junixsocket sends ...
            c.sender().getOutputStream().write("junixsocket\n".getBytes(StandardCharsets.US_ASCII));
            RawRights.Reply reply = RawRights.receiveLine(receiver, 100, 1); // ... FFM receives
            assertEquals("junixsocket", reply.line());
            assertEquals("read through a passed descriptor", readAll(reply.descriptors().get(0)));
        }
    }
    // end::three-views[]

    /** Reads a passed file from its start with pread, which leaves the offset it shares with the sender alone. */
    private static String readAll(FileDescriptor fd) throws IOException {
        try (FileInputStream in = new FileInputStream(fd)) {
            ByteBuffer buffer = ByteBuffer.allocate(100);
            in.getChannel().read(buffer, 0);
            return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
        }
    }

    @Test
    @Order(8)
    void aPassedDescriptorSharesItsFileOffsetWithTheSender() throws IOException {
        try (SocketPair pair = SocketPair.of(SOCK_STREAM)) {
            RawRights.send(pair.one(), "x".getBytes(StandardCharsets.US_ASCII), passed());
            int received = SocketMessages.receive(pair.other(), 10, ControlMessage.rightsSpace(1), MSG_CMSG_CLOEXEC)
                    .descriptors()[0];
            try (FileInputStream theirs = new FileInputStream(Descriptors.of(received))) {
                long start = file.getChannel().position();
                byte[] four = theirs.readNBytes(4);
                assertEquals(start + 4, file.getChannel().position(), "one open file description, one offset");
                assertArrayEquals(Arrays.copyOfRange("read through a passed descriptor".getBytes(StandardCharsets.US_ASCII),
                        (int) start, (int) start + 4), four);
            }
        }
        TRANSCRIPT.note("a passed descriptor and the sender's share one file offset: reading 4 bytes through the"
                + " received one moved the sender's by 4");
    }
}
