package uds.scmrights;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.newsclub.net.unix.AFUNIXSocketCredentials;

import uds.support.AcceptLoop;
import uds.support.ConnectionThreads;
import uds.support.Credentials;
import uds.support.ErrnoException;
import uds.support.FileStatus;
import uds.support.LineReader;
import uds.support.Printable;
import uds.support.ServerLimits;
import uds.support.SocketPath;
import uds.support.ThrottledLog;
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
    private final ThrottledLog refusals;
    private final Map<Path, Long> owners = new HashMap<>();

    private Opener(AFUNIXServerSocket server, AllowList allowList, ServerLimits limits, PrintStream out) {
        this.server = server;
        this.allowList = allowList;
        this.limits = limits;
        this.out = out;
        // A refused peer may ask again at once, as fast as it likes: a few lines per peer and
        // window, then a count.
        this.refusals = new ThrottledLog(out::println, "refusals", 3);
        for (Path file : allowList.files()) {
            try {
                owners.put(file, FileStatus.of(file).uid()); // who owns it now is who must own it later
            } catch (IOException e) {
                // not there yet: any owner will do, the other checks still apply
            }
        }
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
                .perUser(limits.maxPerUser(), connection -> Credentials.unsigned(connection.getPeerCredentials().getUid()))
                .run((connection, id) -> converse(connection));
    }

    private void converse(AFUNIXSocket connection) throws IOException {
        AFUNIXSocketCredentials credentials = connection.getPeerCredentials();
        // uid_t is unsigned; junixsocket sign-extends it (lesson 03): keep the low 32 bits.
        Peer peer = new Peer(credentials.getPid(), Credentials.unsigned(credentials.getUid()));
        int fd = Descriptors.number(connection.getFileDescriptor());
        Duration idle = limits.idleTimeout();
        // Each request is due within the idle timeout of the last reply: a byte now and then
        // does not keep the connection.
        LineReader requests = new LineReader(connection.getInputStream(), MAX_REQUEST, idle, connection::setSoTimeout);
        OutputStream replies = connection.getOutputStream();
        try {
            for (byte[] request; (request = requests.readLine()) != null; ) {
                // The reply's deadline: junixsocket's setSoTimeout sets SO_SNDTIMEO as well.
                connection.setSoTimeout(Math.toIntExact(idle.toMillis()));
                answer(connection, replies, peer, request);
                // One request at a time: no reply, and no descriptor, piles up unread.
                if (!UnreadReply.awaitTaken(fd, idle)) {
                    out.println(peer + ": closed: did not read its reply in " + idle.toSeconds() + " s");
                    return;
                }
            }
        } catch (LineReader.LineTooLong e) {
            replies.write(("ERR request longer than " + MAX_REQUEST + " bytes\n").getBytes(StandardCharsets.US_ASCII));
            out.println(peer + ": refused: a request longer than " + MAX_REQUEST + " bytes; closing");
        } catch (LineReader.TooSlow e) {
            out.println(peer + ": closed: " + e.getMessage());
        } catch (SocketTimeoutException e) {
            out.println(peer + ": closed: idle for " + idle.toSeconds() + " s");
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
            // What was opened, not what the path names now: the open file itself.
            FileStatus status = FileStatus.ofOpen(fd);
            String wrong = wrongFile(Path.of(path), status);
            if (wrong != null) {
                refuse(replies, peer, path, wrong);
                return;
            }
            // The descriptor rides on the reply's bytes: the kernel takes its own reference at
            // sendmsg, so ours can be closed at once and the file stays open in flight.
            connection.setOutboundFileDescriptors(Descriptors.of(fd));
            replies.write(("OK " + path + "\n").getBytes(StandardCharsets.UTF_8));
            replies.flush();
            out.println(peer + ": handed " + Printable.quoted(path));
        } finally {
            Descriptors.close(fd);
        }
    }

    /**
     * Why the open file is not the one allowed, or null. A second hard link means the allowed
     * name may have been made to point at another file: whoever can write the directory can
     * link any file they can see there (unless fs.protected_hardlinks is on, and on many
     * systems it is not), a root-only file included. An owner other than at start-up means
     * the file was replaced.
     */
    private String wrongFile(Path path, FileStatus status) {
        if (!status.isRegularFile()) {
            return "not a regular file but " + status.kind();
        }
        if (status.links() > 1) {
            return "the file has " + status.links() + " hard links: another name for it may be anyone's";
        }
        Long owner = owners.get(path);
        if (owner != null && owner != status.uid()) {
            return "owned by uid " + UserDatabase.userLabel(status.uid()) + ", not by uid "
                    + UserDatabase.userLabel(owner) + " as when the opener started";
        }
        return null;
    }
    // end::answer[]

    private void refuse(OutputStream replies, Peer peer, String path, String why) throws IOException {
        replies.write(("ERR " + why + "\n").getBytes(StandardCharsets.UTF_8));
        replies.flush();
        // The kernel's word on who asked first; the peer's text after it, quoted and cut.
        refusals.log("from uid " + UserDatabase.userLabel(peer.uid()),
                () -> peer + ": refused " + Printable.quoted(path) + ": " + why);
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
