package uds.scmrights;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

import uds.support.ConnectFailure;
import uds.support.ControlMessage;
import uds.support.ExpectedServer;
import uds.support.FileStatus;
import uds.support.LineReader;
import uds.support.Printable;

/**
 * The client of lesson 06 (its partner: {@link Opener}). It asks for one file by path,
 * receives an open descriptor for it and copies the file, read through that descriptor, to
 * stdout byte for byte. With raw, the reply is received with recvmsg through FFM
 * ({@link RawRights}) on the very socket junixsocket connected.
 */
final class FileClient {

    static final int MAX_REPLY = Opener.MAX_REQUEST + 100;

    static void run(Path socket, Path file, ExpectedServer expected, boolean raw, OutputStream out) throws IOException {
        // The opener compares exact paths: send the one the user means, absolute.
        byte[] request = (file.toAbsolutePath().normalize() + "\n").getBytes(StandardCharsets.UTF_8);
        try (AFUNIXSocket connection = connect(socket)) {
            if (expected != null) {
                // A squatter at the path could hand us any descriptor: a FIFO that never ends,
                // a socket, a file of its choosing. Know who is answering first.
                expected.check(connection.getPeerCredentials().getUid(), socket);
            }
            RawRights.Reply reply = raw ? rawExchange(connection, request) : exchange(connection, request);
            copy(reply, file, out);
        }
    }

    private static AFUNIXSocket connect(Path socket) throws IOException {
        try {
            return AFUNIXSocket.connectTo(AFUNIXSocketAddress.of(socket));
        } catch (IOException e) {
            throw ConnectFailure.explain(socket, e); // lesson 01: why, from the path, in any locale
        }
    }

    // tag::exchange[]
    /** junixsocket's way: descriptors arrive with the bytes that carry them, and wait to be collected. */
    static RawRights.Reply exchange(AFUNIXSocket connection, byte[] request) throws IOException {
        // Off (0 bytes) until set: the kernel would drop the descriptor and we would never know.
        // Room for exactly one is CMSG_LEN(4), as in step 4; but junixsocket makes any size at
        // least 256 bytes, room for 60, so the check of the count below is what holds.
        connection.setAncillaryReceiveBufferSize((int) ControlMessage.len(Integer.BYTES));
        connection.getOutputStream().write(request);
        byte[] line = null;
        List<FileDescriptor> received = new ArrayList<>();
        try {
            line = new LineReader(connection.getInputStream(), MAX_REPLY).readLine();
        } finally {
            // Collected even when the read failed. junixsocket closes what it received when
            // the socket closes, collected or not: use a descriptor (or dup it) before that.
            FileDescriptor[] descriptors = connection.getReceivedFileDescriptors();
            received.addAll(Arrays.asList(descriptors == null ? new FileDescriptor[0] : descriptors));
        }
        if (line == null) {
            received.forEach(Descriptors::close);
            throw new IOException("the server closed the connection without a reply");
        }
        return new RawRights.Reply(new String(line, StandardCharsets.UTF_8), received, false);
    }
    // end::exchange[]

    /** The same with sendmsg and recvmsg through FFM, on junixsocket's descriptor. */
    static RawRights.Reply rawExchange(AFUNIXSocket connection, byte[] request) throws IOException {
        int socket = Descriptors.number(connection.getFileDescriptor());
        RawRights.send(socket, request);
        return RawRights.receiveLine(socket, MAX_REPLY, 1);
    }

    // tag::copy[]
    /** Checks what arrived, then copies the file to out through the descriptor. */
    static void copy(RawRights.Reply reply, Path file, OutputStream out) throws IOException {
        List<FileDescriptor> unused = new ArrayList<>(reply.descriptors());
        try {
            if (reply.line().startsWith("ERR ")) {
                throw new IOException("the server refused " + file + ": " + Printable.line(reply.line().substring(4)));
            }
            if (!reply.line().startsWith("OK ") || unused.size() != 1 || reply.controlCut()) {
                throw new IOException("unexpected reply " + Printable.line(reply.line()) + " with " + unused.size()
                        + " descriptors" + (reply.controlCut() ? " and more the kernel dropped (MSG_CTRUNC)" : "")
                        + ": expected OK and exactly one");
            }
            FileStatus status = FileStatus.ofOpen(Descriptors.number(unused.get(0)));
            if (!status.isRegularFile()) {
                // /dev/zero or a FIFO would never end; only a file has an end to copy to.
                throw new IOException("the server handed over " + status.kind() + ", not a regular file: not reading it");
            }
            // The stream owns the descriptor from here, and closing it marks it closed.
            try (FileInputStream in = new FileInputStream(unused.remove(0))) {
                in.transferTo(out);
            }
            out.flush();
        } finally {
            unused.forEach(Descriptors::close);
        }
    }
    // end::copy[]

    private FileClient() {
    }
}
