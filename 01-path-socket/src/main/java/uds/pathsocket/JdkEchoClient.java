package uds.pathsocket;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;

import uds.support.ConnectFailure;
import uds.support.SocketPath;

/**
 * The same client as {@link EchoClient} with nothing but the JDK (16+): a
 * {@link UnixDomainSocketAddress} and a {@link SocketChannel}. Its partner: {@link EchoServer},
 * which uses junixsocket; on the wire there is no difference.
 */
final class JdkEchoClient {

    // tag::jdk-connect[]
    static void run(Path socket, List<String> messages, InputStream stdin, PrintStream out) throws IOException {
        SocketPath.check(socket);
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            try {
                channel.connect(UnixDomainSocketAddress.of(socket));
            } catch (IOException e) {
                throw ConnectFailure.explain(socket, e);
            }
            EchoClient.converse(Channels.newInputStream(channel), Channels.newOutputStream(channel),
                    messages, stdin, out);
        }
    }
    // end::jdk-connect[]

    private JdkEchoClient() {
    }
}
