package uds.peercred;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

import uds.support.ThisProcess;
import uds.support.UserDatabase;

/** junixsocket, the JDK and the raw syscall agree on who is at the other end. */
class ThreeViewsTest {

    @TempDir
    Path dir;

    private static PeerCredentials me() throws IOException {
        return new PeerCredentials(ProcessHandle.current().pid(), ThisProcess.uid(), ThisProcess.gid());
    }

    // tag::views[]
    @Test
    void junixsocketAndTheRawSyscallAgree() throws IOException {
        Path socket = dir.resolve("views.sock");
        try (AFUNIXServerSocket server = AFUNIXServerSocket.newInstance()) {
            server.bind(AFUNIXSocketAddress.of(socket));
            try (SocketChannel client = SocketChannel.open(UnixDomainSocketAddress.of(socket));
                 AFUNIXSocket accepted = server.accept()) {
                PeerCredentials raw = Getsockopt.peerCredentials(accepted.getFileDescriptor());
                PeerCredentials library = PeerCredentials.fromJunixsocket(accepted.getPeerCredentials());

                assertEquals(me(), raw);
                assertEquals(raw, library);
            }
        }
    }

    @Test
    void theJdkGivesTheSameUserAndGroupByName() throws IOException {
        Path socket = dir.resolve("jdk.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            try (SocketChannel client = SocketChannel.open(UnixDomainSocketAddress.of(socket));
                 SocketChannel accepted = server.accept()) {
                UnixDomainPrincipal peer = accepted.getOption(ExtendedSocketOptions.SO_PEERCRED);

                assertEquals(UserDatabase.userName(me().uid()).orElseThrow(), peer.user().getName());
                assertEquals(UserDatabase.groupName(me().gid()).orElseThrow(), peer.group().getName());
            }
        } finally {
            Files.deleteIfExists(socket); // the JDK leaves the file behind
        }
    }
    // end::views[]

    @Test
    void theClientSeesTheServerToo() throws IOException {
        Path socket = dir.resolve("both.sock");
        try (AFUNIXServerSocket server = AFUNIXServerSocket.newInstance()) {
            server.bind(AFUNIXSocketAddress.of(socket));
            try (AFUNIXSocket client = AFUNIXSocket.connectTo(AFUNIXSocketAddress.of(socket));
                 AFUNIXSocket accepted = server.accept()) {
                assertEquals(me(), Getsockopt.peerCredentials(client.getFileDescriptor()));
            }
        }
    }
}
