package uds.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.spi.SelectorProvider;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;

import org.newsclub.net.unix.AFUNIXSelectorProvider;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * The Java servers of the many-clients bench, one per way of serving many connections, each
 * echoing what a client sends. Its partner: loadgen.c; its rival: epoll_echo.c.
 *
 * <p>Usage: EchoServers MODEL PATH, with MODEL one of {@link Model}; prints "ready" once
 * listening and serves until killed.
 */
public final class EchoServers {

    /** How many connections may wait to be accepted: the kernel's own cap (somaxconn) is 4096. */
    static final int BACKLOG = 4096;

    /** The ways compared, as the page names them. */
    public enum Model {
        /** A platform thread per connection, junixsocket's blocking streams. */
        PLATFORM_THREADS("platform thread per connection (junixsocket)"),
        /** A virtual thread per connection, junixsocket's blocking streams. */
        VIRTUAL_THREADS("virtual thread per connection (junixsocket)"),
        /** A virtual thread per connection, the JDK's blocking SocketChannel. */
        JDK_VIRTUAL_THREADS("virtual thread per connection (JDK channels)"),
        /** One thread, a JDK Selector, non-blocking JDK channels. */
        JDK_SELECTOR("one selector thread (JDK channels)"),
        /** One thread, junixsocket's Selector, non-blocking junixsocket channels. */
        JUNIXSOCKET_SELECTOR("one selector thread (junixsocket)"),
        /** One thread, a JDK Selector handing each ready key to an action: no selected-key set. */
        JDK_SELECTOR_ACTION("one selector thread, select(action) (JDK channels)"),
        /** One thread, epoll through the FFM API: epoll_echo.c's loop in Java. */
        FFM_EPOLL("one epoll thread through FFM (no Selector)");

        final String label;

        Model(String label) {
            this.label = label;
        }
    }

    public static void main(String[] args) throws IOException {
        Model model = Model.valueOf(args[0].toUpperCase(Locale.ROOT));
        Path path = Path.of(args[1]);
        switch (model) {
            case PLATFORM_THREADS -> threadPerConnection(path, Thread.ofPlatform());
            case VIRTUAL_THREADS -> threadPerConnection(path, Thread.ofVirtual());
            case JDK_VIRTUAL_THREADS -> jdkVirtualThreads(path);
            case JDK_SELECTOR -> {
                ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
                server.bind(UnixDomainSocketAddress.of(path), BACKLOG);
                selector(server, SelectorProvider.provider().openSelector());
            }
            case JDK_SELECTOR_ACTION -> {
                ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
                server.bind(UnixDomainSocketAddress.of(path), BACKLOG);
                selectorWithAction(server, SelectorProvider.provider().openSelector());
            }
            case FFM_EPOLL -> FfmEpollServer.serve(path);
            case JUNIXSOCKET_SELECTOR -> {
                AFUNIXSelectorProvider provider = AFUNIXSelectorProvider.provider();
                ServerSocketChannel server = provider.openServerSocketChannel();
                server.bind(AFUNIXSocketAddress.of(path), BACKLOG);
                selector(server, provider.openSelector());
            }
        }
    }

    static void ready() {
        System.out.println("ready");
        System.out.flush();
    }

    // tag::thread-per-connection[]
    private static void threadPerConnection(Path path, Thread.Builder threads) throws IOException {
        AFUNIXServerSocket server = AFUNIXServerSocket.newInstance();
        server.bind(AFUNIXSocketAddress.of(path), BACKLOG);
        ready();
        while (true) {
            AFUNIXSocket connection = server.accept();
            threads.start(() -> {
                byte[] buffer = new byte[4096];
                try (connection; InputStream in = connection.getInputStream(); OutputStream out = connection.getOutputStream()) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        out.write(buffer, 0, n);
                    }
                } catch (IOException e) {
                    // the client went away: its thread ends
                }
            });
        }
    }
    // end::thread-per-connection[]

    private static void jdkVirtualThreads(Path path) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path), BACKLOG);
        ready();
        while (true) {
            SocketChannel connection = server.accept();
            Thread.ofVirtual().start(() -> {
                ByteBuffer buffer = ByteBuffer.allocate(4096);
                try (connection) {
                    while (connection.read(buffer.clear()) > 0) {
                        buffer.flip();
                        while (buffer.hasRemaining()) {
                            connection.write(buffer);
                        }
                    }
                } catch (IOException e) {
                    // the client went away: its thread ends
                }
            });
        }
    }

    // tag::selector[]
    /**
     * One thread for every connection: the selector says which are readable, and each read is
     * echoed at once. A client sends its next message only after this echo, so a write never
     * finds the socket's buffer full and nothing has to wait for OP_WRITE.
     */
    private static void selector(ServerSocketChannel server, Selector selector) throws IOException {
        server.configureBlocking(false);
        server.register(selector, SelectionKey.OP_ACCEPT);
        ByteBuffer buffer = ByteBuffer.allocateDirect(4096); // one buffer: one thread uses it
        ready();
        while (true) {
            selector.select();
            for (Iterator<SelectionKey> keys = selector.selectedKeys().iterator(); keys.hasNext(); ) {
                SelectionKey key = keys.next();
                keys.remove();
                if (key.isAcceptable()) {
                    for (SocketChannel connection; (connection = server.accept()) != null; ) {
                        connection.configureBlocking(false);
                        connection.register(selector, SelectionKey.OP_READ);
                    }
                } else if (key.isReadable()) {
                    SocketChannel connection = (SocketChannel) key.channel();
                    try {
                        if (connection.read(buffer.clear()) < 0) {
                            key.cancel();
                            connection.close();
                            continue;
                        }
                        buffer.flip();
                        while (buffer.hasRemaining()) {
                            connection.write(buffer);
                        }
                    } catch (IOException e) {
                        key.cancel();
                        connection.close();
                    }
                }
            }
        }
    }
    // end::selector[]

    // tag::selector-action[]
    /**
     * The same loop as far as the Selector API allows it to be tuned: select(Consumer) hands each
     * ready key to one action (no selected-key set, no iterator), the connection is the key's
     * channel, and the one direct buffer is reused: nothing is allocated per event.
     */
    private static void selectorWithAction(ServerSocketChannel server, Selector selector) throws IOException {
        server.configureBlocking(false);
        server.register(selector, SelectionKey.OP_ACCEPT);
        ByteBuffer buffer = ByteBuffer.allocateDirect(4096);
        ready();
        while (true) {
            selector.select(key -> {
                try {
                    if (key.isAcceptable()) {
                        for (SocketChannel connection; (connection = server.accept()) != null; ) {
                            connection.configureBlocking(false);
                            connection.register(selector, SelectionKey.OP_READ);
                        }
                    } else if (((SocketChannel) key.channel()).read(buffer.clear()) < 0) {
                        key.cancel();
                        key.channel().close();
                    } else {
                        for (buffer.flip(); buffer.hasRemaining(); ) {
                            ((SocketChannel) key.channel()).write(buffer);
                        }
                    }
                } catch (IOException e) {
                    key.cancel();
                    try {
                        key.channel().close();
                    } catch (IOException ignored) {
                        // closing a failed connection: nothing more to do
                    }
                }
            });
        }
    }
    // end::selector-action[]

    private EchoServers() {
    }
}
