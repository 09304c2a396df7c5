package uds.datagram;

import java.io.IOException;
import java.io.PrintStream;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channel;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SocketChannel;

/**
 * The child of lesson 08's {@code pair} command (its parent: {@link SocketPairToChild}): it
 * finds one end of a socketpair at its descriptor 0, reads until end of stream and writes it
 * all back. It needs no library: the JDK adopts a stream socket at descriptor 0 through
 * {@link System#inheritedChannel()}, as lesson 07's inetd-style server does, and nothing else.
 */
final class InheritedEcho {

    static void run(PrintStream out) throws IOException {
        // tag::adopt[]
        Channel inherited = System.inheritedChannel();
        if (inherited instanceof DatagramChannel datagrams) {
            throw new IOException("descriptor 0 is a datagram socket, which the JDK adopts"
                    + " as a DatagramChannel that cannot use it: " + whatReceiveDoes(datagrams)
                    + "; this is why pair hands down a stream socket");
        }
        if (!(inherited instanceof SocketChannel end)
                || !(end.getRemoteAddress() instanceof UnixDomainSocketAddress)) {
            throw new IOException("descriptor 0 is not a connected AF_UNIX stream socket:"
                    + " pair-child is the child that the pair command starts, with one end"
                    + " of a socketpair as its standard input");
        }
        // end::adopt[]
        try (end) {
            ByteBuffer text = ByteBuffer.allocate(SocketPairToChild.MAX_TEXT);
            while (text.hasRemaining() && end.read(text) >= 0) {
                // until the parent shuts its end down for writing, or the buffer is full
            }
            out.println("child " + ProcessHandle.current().pid() + ": read " + text.position()
                    + " bytes from descriptor 0, a socket with no name (System.inheritedChannel()), and echoed them");
            out.flush();
            text.flip();
            while (text.hasRemaining()) {
                end.write(text);
            }
        }
    }

    /** The JDK's DatagramChannel knows only IP addresses: a Unix datagram socket's sender is a family it does not know. */
    private static String whatReceiveDoes(DatagramChannel datagrams) {
        try {
            datagrams.receive(ByteBuffer.allocate(SocketPairToChild.MAX_TEXT));
            return "receive() worked";
        } catch (IOException | RuntimeException e) {
            return "receive() threw " + e.getClass().getSimpleName();
        }
    }

    private InheritedEcho() {
    }
}
