package uds.peercred;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.junit.jupiter.api.Test;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

import uds.support.LessonJar;
import uds.support.OtherUser;
import uds.support.ServerProcess;
import uds.support.ThisProcess;
import uds.support.UserDatabase;
import uds.support.testing.Commands;
import uds.support.testing.JarUnderTest;
import uds.support.testing.RequiresRoot;
import uds.support.testing.Transcript;
import uds.support.testing.Users;

/** Real other users as clients (root only): www-data, nobody, and a uid above 2^31. */
class OtherUserIT {

    private static final long BIG_ID = 4294967294L;
    private static Path openDir;
    private static LessonJar readableJar;

    @BeforeAll
    static void prepare() throws IOException {
        if (!ThisProcess.isRoot()) {
            Transcript transcript = new Transcript();
            transcript.note("(Not captured: the tests ran as uid " + ThisProcess.uid()
                    + ". Run ./mvnw verify as root to see a client with uid 4294967294.)");
            transcript.write("views");
            return;
        }
        openDir = Files.createTempDirectory(Path.of("/tmp"), "uds-peercred-it-");
        Files.setPosixFilePermissions(openDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        readableJar = JarUnderTest.get().readableCopy(openDir);
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

    /** The client run as user: its pid, and the lines it printed. */
    private record Client(long pid, int exit, List<String> stdout) {
    }

    private static Client clientAs(OtherUser user, Path socket) throws Exception {
        Commands.Run run = Commands.runWithPid(user.command(readableJar.command("client", "--socket", socket.toString())), "");
        return new Client(run.pid(), run.result().exit(), run.result().stdout().lines().toList());
    }

    /** {@code uid=33(www-data) gid=33(www-data)}, as the server describes a peer. */
    private static String ids(OtherUser user) {
        return "uid=" + UserDatabase.userLabel(user.uid()) + " gid=" + UserDatabase.groupLabel(user.gid());
    }

    private static ServerProcess server(Path socket, String... allow) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("server", "--socket", socket.toString()));
        args.addAll(List.of(allow));
        ServerProcess server = ServerProcess.start(JarUnderTest.get().command(args.toArray(String[]::new)));
        server.await("listening on");
        return server;
    }

    @Test
    @RequiresRoot
    void eachUserGetsItsExactLine() throws Exception {
        Path socket = openDir.resolve("all.sock");
        try (ServerProcess server = server(socket)) {
            Client www = clientAs(Users.wwwData(), socket);
            assertEquals("peer pid=" + www.pid() + " " + ids(Users.wwwData()), www.stdout().get(0));
            assertEquals("server user=root group=root", www.stdout().get(1));

            Client nobody = clientAs(Users.nobody(), socket);
            assertEquals("peer pid=" + nobody.pid() + " " + ids(Users.nobody()), nobody.stdout().get(0));

            Client big = clientAs(OtherUser.withIds(BIG_ID, BIG_ID), socket);
            assertEquals("peer pid=" + big.pid() + " uid=4294967294 gid=4294967294", big.stdout().get(0));
        }
    }

    @Test
    @RequiresRoot
    void theAllowListAdmitsOneAndDeniesTheOther() throws Exception {
        Path socket = openDir.resolve("allow.sock");
        try (ServerProcess server = server(socket, "--allow-user", "www-data")) {
            assertEquals(1, clientAs(Users.nobody(), socket).exit());
            assertEquals(List.of("denied uid=" + UserDatabase.userLabel(Users.nobody().uid())), server.await("denied"));
            Client www = clientAs(Users.wwwData(), socket);
            assertEquals(0, www.exit(), "admitted after a denial: the server kept serving");
            assertEquals("peer pid=" + www.pid() + " " + ids(Users.wwwData()), www.stdout().get(0));
        }
    }

    @Test
    @RequiresRoot
    void aGroupOnTheListAdmitsItsMembers() throws Exception {
        Path socket = openDir.resolve("group.sock");
        String nobodysGroup = UserDatabase.groupName(Users.nobody().gid()).orElseThrow();
        try (ServerProcess server = server(socket, "--allow-group", nobodysGroup)) {
            assertEquals(0, clientAs(Users.nobody(), socket).exit());
            Client www = clientAs(Users.wwwData(), socket);
            assertEquals(List.of("denied uid=" + UserDatabase.userLabel(Users.wwwData().uid())), www.stdout().subList(0, 1));
        }
    }

    // tag::big-uid[]
    @Test
    @RequiresRoot
    void aUidAbove2To31IsNegativeInBothLibrariesAndRightInOurs() throws Exception {
        Transcript transcript = new Transcript();
        Path socket = openDir.resolve("views.sock");
        try (AFUNIXServerSocket server = AFUNIXServerSocket.newInstance()) {
            server.bind(AFUNIXSocketAddress.of(socket));
            server.setSoTimeout(30_000); // a client that never comes fails the test, not the build
            Process client = new ProcessBuilder(OtherUser.withIds(BIG_ID, BIG_ID).command(
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
            Process client = new ProcessBuilder(OtherUser.withIds(BIG_ID, BIG_ID).command(
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
