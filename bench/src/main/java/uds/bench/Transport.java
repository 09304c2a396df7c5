package uds.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

import org.newsclub.net.unix.AFSocketType;
import org.newsclub.net.unix.AFUNIXDatagramSocket;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXServerSocketChannel;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.newsclub.net.unix.AFUNIXSocketChannel;

/**
 * The transports compared, each between two endpoints that really talk through the kernel:
 * the benchmark's end in the benchmark thread, the peer on a thread of its own (or, for
 * {@link #JUNIXSOCKET_CHANNEL_PEER_PROCESS}, in a process of its own).
 */
public enum Transport {

    /** junixsocket's Socket API: InputStream and OutputStream over byte arrays. */
    JUNIXSOCKET_STREAM {
        @Override
        Link open(Path dir, Peer peer) throws IOException {
            Path path = dir.resolve("stream.sock");
            AFUNIXServerSocket server = AFUNIXServerSocket.newInstance();
            server.bind(AFUNIXSocketAddress.of(path));
            AFUNIXSocket client = AFUNIXSocket.connectTo(AFUNIXSocketAddress.of(path));
            AFUNIXSocket accepted = server.accept();
            server.close();
            peer.start(streams(accepted), allocate(peer.messageSize()));
            return streams(client);
        }
    },

    /** junixsocket's channel API with direct buffers. */
    JUNIXSOCKET_CHANNEL {
        @Override
        Link open(Path dir, Peer peer) throws IOException {
            Path path = dir.resolve("channel.sock");
            AFUNIXServerSocketChannel server = AFUNIXServerSocketChannel.open();
            server.bind(AFUNIXSocketAddress.of(path));
            AFUNIXSocketChannel client = AFUNIXSocketChannel.open(AFUNIXSocketAddress.of(path));
            AFUNIXSocketChannel accepted = server.accept();
            server.close();
            peer.start(stream(accepted), allocate(peer.messageSize()));
            return stream(client);
        }
    },

    /**
     * The same channel with a heap buffer on the benchmark's (the client's) side; the peer keeps
     * its direct buffer: what the copy into native memory costs one end.
     */
    JUNIXSOCKET_CHANNEL_CLIENT_HEAP {
        @Override
        Link open(Path dir, Peer peer) throws IOException {
            return JUNIXSOCKET_CHANNEL.open(dir, peer);
        }
    },

    /** junixsocket's channel with direct buffers, the peer in a JVM of its own: two processes, as in C. */
    JUNIXSOCKET_CHANNEL_PEER_PROCESS {
        @Override
        Link open(Path dir, Peer peer) throws IOException {
            Path path = dir.resolve("process.sock");
            Process process = PeerProcess.start(path, peer);
            return PeerProcess.closingWith(stream(AFUNIXSocketChannel.open(AFUNIXSocketAddress.of(path))), process, path);
        }
    },

    /** The JDK's own: SocketChannel on a UnixDomainSocketAddress. */
    JDK_CHANNEL {
        @Override
        Link open(Path dir, Peer peer) throws IOException {
            Path path = dir.resolve("jdk.sock");
            try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
                server.bind(UnixDomainSocketAddress.of(path));
                SocketChannel client = SocketChannel.open(UnixDomainSocketAddress.of(path));
                peer.start(stream(server.accept()), allocate(peer.messageSize()));
                return stream(client);
            } finally {
                Files.deleteIfExists(path);
            }
        }
    },

    /** junixsocket SOCK_SEQPACKET: one datagram per message, boundaries kept. */
    JUNIXSOCKET_SEQPACKET {
        @Override
        Link open(Path dir, Peer peer) throws IOException {
            Path path = dir.resolve("seqpacket.sock");
            try (AFUNIXDatagramSocket server = AFUNIXDatagramSocket.newInstance(AFSocketType.SOCK_SEQPACKET)) {
                server.bind(AFUNIXSocketAddress.of(path));
                server.listen(1);
                AFUNIXDatagramSocket client = AFUNIXDatagramSocket.newInstance(AFSocketType.SOCK_SEQPACKET);
                client.connect(AFUNIXSocketAddress.of(path));
                peer.start(datagrams(((AFUNIXDatagramSocket) server.accept()).getChannel()), allocate(peer.messageSize()));
                return datagrams(client.getChannel());
            } finally {
                Files.deleteIfExists(path); // this server socket does not delete its file
            }
        }
    },

    /** TCP on 127.0.0.1 with TCP_NODELAY, through the same JDK SocketChannel API. */
    TCP_LOOPBACK {
        @Override
        Link open(Path dir, Peer peer) throws IOException {
            try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.INET)) {
                server.bind(new InetSocketAddress("127.0.0.1", 0));
                SocketChannel client = SocketChannel.open(server.getLocalAddress());
                client.setOption(StandardSocketOptions.TCP_NODELAY, true);
                SocketChannel accepted = server.accept();
                accepted.setOption(StandardSocketOptions.TCP_NODELAY, true);
                peer.start(stream(accepted), allocate(peer.messageSize()));
                return stream(client);
            }
        }
    };

    /** Connects both ends in dir and starts peer on the far one; returns the near one. */
    abstract Link open(Path dir, Peer peer) throws IOException;

    // tag::allocate[]
    /**
     * The benchmark's buffer: a heap array for the stream API (which takes byte[]) and for the
     * heap-buffer channel, native memory (direct) otherwise. A heap buffer's bytes must be
     * copied into native memory for every write, and out of it for every read.
     */
    ByteBuffer allocate(int size) {
        return this == JUNIXSOCKET_STREAM || this == JUNIXSOCKET_CHANNEL_CLIENT_HEAP
                ? ByteBuffer.allocate(size) : ByteBuffer.allocateDirect(size);
    }
    // end::allocate[]

    /** What the far end does: echo each message of messageSize bytes, or drain everything. */
    record Peer(boolean echo, int messageSize) {

        static Peer echo(int messageSize) {
            return new Peer(true, messageSize);
        }

        static Peer drain() {
            return new Peer(false, 64 * 1024);
        }

        Thread start(Link far, ByteBuffer buffer) {
            return Thread.ofPlatform().daemon().name(echo ? "echo" : "drain").start(() -> {
                try (far) {
                    while (true) {
                        buffer.clear().limit(messageSize);
                        if (!(echo ? far.receive(buffer) : far.drain(buffer))) {
                            return;
                        }
                        if (echo) {
                            far.send(buffer.flip());
                        }
                    }
                } catch (IOException e) {
                    // the benchmark closed its end
                }
            });
        }
    }

    /** A stream channel: loops until every byte is written, or the buffer is full. */
    static Link stream(ByteChannel channel) {
        return new Link() {
            @Override
            public void send(ByteBuffer buffer) throws IOException {
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }

            @Override
            public boolean receive(ByteBuffer buffer) throws IOException {
                while (buffer.hasRemaining()) {
                    if (channel.read(buffer) < 0) {
                        return false;
                    }
                }
                return true;
            }

            @Override
            public boolean drain(ByteBuffer buffer) throws IOException {
                return channel.read(buffer) >= 0;
            }

            @Override
            public void close() throws IOException {
                channel.close();
            }
        };
    }

    /** A SEQPACKET channel: one read or write is one whole datagram. */
    static Link datagrams(ByteChannel channel) {
        return new Link() {
            @Override
            public void send(ByteBuffer buffer) throws IOException {
                channel.write(buffer);
            }

            @Override
            public boolean receive(ByteBuffer buffer) throws IOException {
                return channel.read(buffer) >= 0;
            }

            @Override
            public boolean drain(ByteBuffer buffer) throws IOException {
                return channel.read(buffer) >= 0;
            }

            @Override
            public void close() throws IOException {
                channel.close();
            }
        };
    }

    /** junixsocket's Socket streams, reading and writing the heap buffer's own array. */
    static Link streams(AFUNIXSocket socket) throws IOException {
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        return new Link() {
            @Override
            public void send(ByteBuffer buffer) throws IOException {
                out.write(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
                buffer.position(buffer.limit());
            }

            @Override
            public boolean receive(ByteBuffer buffer) throws IOException {
                while (buffer.hasRemaining()) {
                    if (!drain(buffer)) {
                        return false;
                    }
                }
                return true;
            }

            @Override
            public boolean drain(ByteBuffer buffer) throws IOException {
                int n = in.read(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
                if (n < 0) {
                    return false;
                }
                buffer.position(buffer.position() + n);
                return true;
            }

            @Override
            public void close() throws IOException {
                socket.close();
            }
        };
    }
}
