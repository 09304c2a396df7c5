package uds.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.newsclub.net.unix.AFUNIXServerSocketChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * The far end of {@link Transport#JUNIXSOCKET_CHANNEL_PEER_PROCESS}: the same {@link Transport.Peer}
 * as the other transports run on a thread, here in a JVM of its own, as pingpong.c's peer is a
 * process of its own. So Java and C can be compared the same way: two processes.
 *
 * <p>Usage: PeerProcess echo|drain MESSAGE_SIZE PATH; prints "ready", serves one connection.
 */
public final class PeerProcess {

    public static void main(String[] args) throws IOException, InterruptedException {
        Transport.Peer peer = new Transport.Peer("echo".equals(args[0]), Integer.parseInt(args[1]));
        try (AFUNIXServerSocketChannel server = AFUNIXServerSocketChannel.open()) {
            server.bind(AFUNIXSocketAddress.of(Path.of(args[2])));
            System.out.println("ready");
            System.out.flush();
            Thread serving = peer.start(Transport.stream(server.accept()), ByteBuffer.allocateDirect(peer.messageSize()));
            serving.join();
        }
    }

    /** Starts the peer in a new JVM (this one's java and classpath) and waits until it listens at path. */
    static Process start(Path path, Transport.Peer peer) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), PeerProcess.class.getName(), peer.echo() ? "echo" : "drain",
                Integer.toString(peer.messageSize()), path.toString()))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = process.inputReader(StandardCharsets.UTF_8);
        if (!"ready".equals(out.readLine())) {
            process.destroyForcibly();
            throw new IOException("the peer process did not start");
        }
        return process;
    }

    /** The link to a peer process: closing it also ends the process and removes its socket file. */
    static Link closingWith(Link link, Process process, Path path) {
        return new Link() {
            @Override
            public void send(ByteBuffer buffer) throws IOException {
                link.send(buffer);
            }

            @Override
            public boolean receive(ByteBuffer buffer) throws IOException {
                return link.receive(buffer);
            }

            @Override
            public boolean drain(ByteBuffer buffer) throws IOException {
                return link.drain(buffer);
            }

            @Override
            public void close() throws IOException {
                link.close();
                try {
                    process.waitFor(); // it ends when its connection does
                } catch (InterruptedException e) {
                    process.destroyForcibly();
                    Thread.currentThread().interrupt();
                }
                Files.deleteIfExists(path);
            }
        };
    }

    private PeerProcess() {
    }
}
