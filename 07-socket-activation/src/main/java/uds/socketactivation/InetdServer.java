package uds.socketactivation;

import java.io.IOException;
import java.io.PrintStream;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.Channel;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

import uds.support.EchoConnection;
import uds.support.LineReader;

/**
 * The inetd-style server of lesson 07: started once per connection, with the connected socket
 * at descriptor 0 (and 1), the way inetd did it and systemd does with Accept=yes. This one the
 * JDK can adopt itself: {@link System#inheritedChannel()} looks at descriptor 0, and only there.
 * Its stdout is the client too (descriptor 1): it logs to stderr.
 */
final class InetdServer {

    // tag::inherited[]
    static SocketChannel connection() throws IOException {
        Channel inherited = System.inheritedChannel();
        if (!(inherited instanceof SocketChannel connection)
                || !(connection.getRemoteAddress() instanceof UnixDomainSocketAddress)) {
            throw new IOException("not started inetd-style: descriptor 0 is not a connected AF_UNIX stream socket;"
                    + " start it with: systemd-socket-activate --inetd -a -l /tmp/echo.sock java -jar"
                    + " 07-socket-activation.jar server --inetd");
        }
        return connection;
    }
    // end::inherited[]

    static void run(Duration idle, PrintStream log) throws IOException {
        SocketChannel connection = connection();
        // The JDK's SO_PEERCRED: user and group names, no pid (lesson 03).
        UnixDomainPrincipal peer = connection.getOption(ExtendedSocketOptions.SO_PEERCRED);
        write(connection, "hello user=" + peer.user().getName() + " group=" + peer.group().getName()
                + " (the JDK's SO_PEERCRED has no pid)\n");
        // A channel cannot be given a read timeout: a watchdog closes it after idle without a line.
        AtomicLong lastLine = new AtomicLong(System.nanoTime());
        Thread watchdog = Thread.ofPlatform().daemon().start(() -> closeWhenIdle(connection, lastLine, idle, log));
        LineReader lines = new LineReader(Channels.newInputStream(connection), EchoConnection.MAX_LINE);
        try {
            for (byte[] line; (line = lines.readLine()) != null; ) {
                lastLine.set(System.nanoTime());
                write(connection, new String(line, StandardCharsets.UTF_8) + "\n");
            }
        } catch (LineReader.LineTooLong e) {
            write(connection, "error: " + e.getMessage() + "; closing\n");
        } catch (AsynchronousCloseException e) {
            // the watchdog closed it
        } finally {
            watchdog.interrupt();
            connection.close();
        }
    }

    private static void closeWhenIdle(SocketChannel connection, AtomicLong lastLine, Duration idle, PrintStream log) {
        try {
            while (System.nanoTime() - lastLine.get() < idle.toNanos()) {
                Thread.sleep(Math.max(1, (idle.toNanos() - (System.nanoTime() - lastLine.get())) / 1_000_000));
            }
            log.println("closing: idle for " + idle.toSeconds() + " s");
            connection.close();
        } catch (InterruptedException | IOException e) {
            // the connection ended first
        }
    }

    private static void write(SocketChannel connection, String text) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            connection.write(bytes);
        }
    }

    private InetdServer() {
    }
}
