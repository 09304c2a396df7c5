package uds.peercred;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/** Real other users as clients (root only): www-data, nobody, and a uid above 2^31. */
class OtherUserIT {

    private static final long BIG_ID = 4294967294L;
    private static Path openDir;
    private static LessonJar readableJar;

    @BeforeAll
    static void prepare() throws IOException {
        if (!Users.isRoot()) {
            Cli transcript = new Cli();
            transcript.note("(Not captured: the tests ran as uid " + Users.currentUid()
                    + ". Run ./mvnw verify as root to see a client with uid 4294967294.)");
            transcript.write("views");
            return;
        }
        openDir = Files.createTempDirectory(Path.of("/tmp"), "uds-peercred-it-");
        Files.setPosixFilePermissions(openDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        readableJar = Cli.jar().readableCopy(openDir);
    }

    @AfterAll
    static void cleanUp() throws IOException {
        if (openDir != null) {
            try (Stream<Path> files = Files.walk(openDir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    @BeforeEach
    void onlyAsRoot() throws IOException {
        assumeTrue(Users.isRoot(), Users.NOT_ROOT);
    }

    private static ClientProcess clientAs(long uid, long gid, Path socket) throws Exception {
        return ClientProcess.run(Users.as((int) uid, (int) gid, readableJar.command("client", "--socket", socket.toString())));
    }

    private static ServerProcess server(Path socket, String... allow) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("server", "--socket", socket.toString()));
        args.addAll(List.of(allow));
        ServerProcess server = ServerProcess.start(Cli.jar().command(args.toArray(String[]::new)));
        server.await("listening on");
        return server;
    }

    @Test
    void eachUserGetsItsExactLine() throws Exception {
        Path socket = openDir.resolve("all.sock");
        try (ServerProcess server = server(socket)) {
            ClientProcess www = clientAs(33, 33, socket);
            assertEquals("peer pid=" + www.pid() + " uid=33(www-data) gid=33(www-data)", www.stdout().get(0));
            assertEquals("server user=root group=root", www.stdout().get(1));

            ClientProcess nobody = clientAs(65534, 65534, socket);
            assertEquals("peer pid=" + nobody.pid() + " uid=65534(nobody) gid=65534(nogroup)", nobody.stdout().get(0));

            ClientProcess big = clientAs(BIG_ID, BIG_ID, socket);
            assertEquals("peer pid=" + big.pid() + " uid=4294967294 gid=4294967294", big.stdout().get(0));
        }
    }

    @Test
    void theAllowListAdmitsOneAndDeniesTheOther() throws Exception {
        Path socket = openDir.resolve("allow.sock");
        try (ServerProcess server = server(socket, "--allow-user", "www-data")) {
            assertEquals(1, clientAs(65534, 65534, socket).exit());
            assertEquals(List.of("denied uid=65534(nobody)"), server.await("denied"));
            ClientProcess www = clientAs(33, 33, socket);
            assertEquals(0, www.exit(), "admitted after a denial: the server kept serving");
            assertEquals("peer pid=" + www.pid() + " uid=33(www-data) gid=33(www-data)", www.stdout().get(0));
        }
    }

    @Test
    void aGroupOnTheListAdmitsItsMembers() throws Exception {
        Path socket = openDir.resolve("group.sock");
        try (ServerProcess server = server(socket, "--allow-group", "nogroup")) {
            assertEquals(0, clientAs(65534, 65534, socket).exit());
            ClientProcess www = clientAs(33, 33, socket);
            assertEquals(List.of("denied uid=33(www-data)"), www.stdout().subList(0, 1));
        }
    }

    // tag::big-uid[]
    @Test
    void aUidAbove2To31IsNegativeInBothLibrariesAndRightInOurs() throws Exception {
        Cli transcript = new Cli();
        Path socket = openDir.resolve("views.sock");
        try (AFUNIXServerSocket server = AFUNIXServerSocket.newInstance()) {
            server.bind(AFUNIXSocketAddress.of(socket));
            Process client = new ProcessBuilder(Users.as((int) BIG_ID, (int) BIG_ID,
                    readableJar.command("client", "--socket", socket.toString()))).start();
            try (AFUNIXSocket accepted = server.accept()) {
                long junixsocketUid = accepted.getPeerCredentials().getUid();
                PeerCredentials raw = Getsockopt.peerCredentials(accepted.getFileDescriptor());
                PeerCredentials fixed = PeerCredentials.fromJunixsocket(accepted.getPeerCredentials());

                assertEquals(-2, junixsocketUid);
                assertEquals(BIG_ID, raw.uid());
                assertEquals(raw, fixed);
                transcript.note("junixsocket getPeerCredentials().getUid(): " + junixsocketUid);
                transcript.note("getsockopt(SO_PEERCRED), unpacked unsigned: " + raw.uid());
                transcript.note("PeerCredentials.fromJunixsocket(...).uid(): " + fixed.uid());
            } finally {
                client.destroyForcibly().waitFor();
            }
        }
        Path jdkSocket = openDir.resolve("jdk-views.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(jdkSocket));
            Files.setPosixFilePermissions(jdkSocket, PosixFilePermissions.fromString("rw-rw-rw-"));
            Process client = new ProcessBuilder(Users.as((int) BIG_ID, (int) BIG_ID,
                    readableJar.command("client", "--socket", jdkSocket.toString()))).start();
            try (SocketChannel accepted = server.accept()) {
                UnixDomainPrincipal peer = accepted.getOption(ExtendedSocketOptions.SO_PEERCRED);
                assertEquals("-2", peer.user().getName());
                transcript.note("JDK SO_PEERCRED user().getName(): " + peer.user().getName());
            } finally {
                client.destroyForcibly().waitFor();
            }
        }
        transcript.write("views");
    }
    // end::big-uid[]
}
