package uds.scmrights;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.newsclub.net.unix.AFUNIXSocketCredentials;

import uds.support.AcceptLoop;
import uds.support.ConnectionThreads;
import uds.support.ErrnoException;
import uds.support.FileStatus;
import uds.support.LineReader;
import uds.support.Printable;
import uds.support.ServerLimits;
import uds.support.SocketPath;
import uds.support.UserDatabase;

/**
 * The server of lesson 06, the privileged opener (its partners: {@link FileClient}, and
 * {@link RawRights} for the same exchange in raw syscalls). A client sends the path of a file
 * on a line; the opener checks who is asking (SO_PEERCRED) and what, opens the file itself
 * and sends the open descriptor (SCM_RIGHTS) with an {@code OK} line. The client reads the
 * file through it, although it could never open the file: the descriptor carries the right
 * to read, not the path.
 */
final class Opener implements AutoCloseable {

    /** The longest request: a path, which Linux limits to 4096 bytes (PATH_MAX) itself. */
    static final int MAX_REQUEST = 4096;

    private final AFUNIXServerSocket server;
    private final AllowList allowList;
    private final ServerLimits limits;
    private final PrintStream out;
    private final AtomicBoolean closing = new AtomicBoolean();

    private Opener(AFUNIXServerSocket server, AllowList allowList, ServerLimits limits, PrintStream out) {
        this.server = server;
        this.allowList = allowList;
        this.limits = limits;
        this.out = out;
    }

    // tag::bind[]
    /**
     * Binds the socket. Anyone may connect (junixsocket makes the file 0666): the opener decides
     * per request, from the kernel's word on who the peer is. With refuseRights, the kernel
     * refuses descriptors sent to the opener (SO_PASSRIGHTS, Linux 6.16); without it, or
     * before 6.16, they travel queued with their bytes until the opener reads those; then,
     * since junixsocket's ancillary receive buffer is 0 bytes until set, there is no room for
     * them: the kernel sets MSG_CTRUNC and closes them. Either way none is ever installed in
     * this process (a peer's unread bytes can keep them in flight, which the idle timeout ends).
     */
    static Opener bind(Path socket, AllowList allowList, ServerLimits limits, boolean refuseRights, PrintStream out)
            throws IOException {
        SocketPath.checkFree(socket);
        AFUNIXServerSocket server = AFUNIXServerSocket.newInstance();
        try {
            server.setReuseAddress(false); // never take a live server's path (lesson 01)
            server.bind(AFUNIXSocketAddress.of(socket));
            if (refuseRights) {
                out.println(PassRights.refuse(server.getFileDescriptor())
                        ? "SO_PASSRIGHTS off: the kernel refuses descriptors sent to this server"
                        : "this kernel has no SO_PASSRIGHTS (Linux 6.16): descriptors sent to this server are"
                                + " closed by the kernel when their bytes are read (no room for them: the ancillary"
                                + " buffer is 0 bytes)");
            }
            return new Opener(server, allowList, limits, out);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }
    // end::bind[]

    /** Serves until SIGINT or SIGTERM; the socket file goes when the socket closes. */
    static void run(Path socket, AllowList allowList, ServerLimits limits, PrintStream out)
            throws IOException, InterruptedException {
        Opener opener = bind(socket, allowList, limits, true, out);
        Runtime.getRuntime().addShutdownHook(new Thread(opener::close));
        for (Path file : allowList.files()) {
            out.println("may hand out " + file);
        }
        out.println(allowList.uids().isEmpty() ? "any user may ask"
                : "users who may ask: " + String.join(", ", allowList.uids().stream().map(UserDatabase::userLabel).toList()));
        out.println("listening on " + socket);
        opener.serve();
    }

    /** Each connection on a platform thread of its own, at most limits.maxConnections() at once. */
    void serve() throws InterruptedException {
        new AcceptLoop<AFUNIXSocket>(server::accept, limits.maxConnections(), ConnectionThreads.platform(),
                closing::get, out::println)
                .run((connection, id) -> converse(connection));
    }

    private void converse(AFUNIXSocket connection) throws IOException {
        AFUNIXSocketCredentials credentials = connection.getPeerCredentials();
        // uid_t is unsigned; junixsocket sign-extends it (lesson 03): keep the low 32 bits.
        Peer peer = new Peer(credentials.getPid(), Integer.toUnsignedLong((int) credentials.getUid()));
        connection.setSoTimeout(Math.toIntExact(limits.idleTimeout().toMillis()));
        LineReader requests = new LineReader(connection.getInputStream(), MAX_REQUEST);
        OutputStream replies = connection.getOutputStream();
        try {
            for (byte[] request; (request = requests.readLine()) != null; ) {
                answer(connection, replies, peer, request);
            }
        } catch (LineReader.LineTooLong e) {
            replies.write(("ERR request longer than " + MAX_REQUEST + " bytes\n").getBytes(StandardCharsets.US_ASCII));
            out.println("refused " + peer + ": a request longer than " + MAX_REQUEST + " bytes; closing");
        } catch (SocketTimeoutException e) {
            out.println("closed " + peer + ": idle for " + limits.idleTimeout().toSeconds() + " s");
        }
    }

    // tag::answer[]
    private void answer(AFUNIXSocket connection, OutputStream replies, Peer peer, byte[] request) throws IOException {
        String path;
        try {
            path = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(request)).toString();
        } catch (CharacterCodingException e) {
            refuse(replies, peer, new String(request, StandardCharsets.UTF_8), "the request is not UTF-8 text");
            return;
        }
        String refusal = allowList.refusal(peer.uid(), path);
        if (refusal != null) {
            refuse(replies, peer, path, refusal);
            return;
        }
        int fd;
        try {
            fd = Openat2.openReadOnly(Path.of(path));
        } catch (ErrnoException e) {
            refuse(replies, peer, path, e.errno() == ErrnoException.ELOOP
                    ? "a symbolic link on the way: not followed" : "cannot open: " + ErrnoException.describe(e.errno()));
            return;
        }
        try {
            FileStatus status = FileStatus.ofOpen(fd);
            if (!status.isRegularFile()) {
                refuse(replies, peer, path, "not a regular file but " + status.kind());
                return;
            }
            // The descriptor rides on the reply's bytes: the kernel takes its own reference at
            // sendmsg, so ours can be closed at once and the file stays open in flight.
            connection.setOutboundFileDescriptors(Descriptors.of(fd));
            replies.write(("OK " + path + "\n").getBytes(StandardCharsets.UTF_8));
            replies.flush();
            out.println("handed " + Printable.line(path) + " to " + peer);
        } finally {
            Descriptors.close(fd);
        }
    }
    // end::answer[]

    private void refuse(OutputStream replies, Peer peer, String path, String why) throws IOException {
        replies.write(("ERR " + why + "\n").getBytes(StandardCharsets.UTF_8));
        replies.flush();
        out.println("refused " + Printable.line(path) + " to " + peer + ": " + why);
    }

    /** Who is asking, as the kernel recorded it at connect. */
    record Peer(long pid, long uid) {
        @Override
        public String toString() {
            return "pid=" + pid + " uid=" + UserDatabase.userLabel(uid);
        }
    }

    @Override
    public void close() {
        if (closing.getAndSet(true)) {
            return;
        }
        try {
            server.close(); // junixsocket deletes the socket file on close
        } catch (IOException e) {
            out.println("error: while closing: " + e.getMessage());
        }
    }
}
