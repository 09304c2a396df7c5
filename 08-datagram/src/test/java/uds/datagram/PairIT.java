package uds.datagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uds.support.SocketConstants.SOCK_DGRAM;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.newsclub.net.unix.AFUNIXSocketChannel;
import org.newsclub.net.unix.AFUNIXSocketPair;
import org.newsclub.net.unix.FileDescriptorCast;

import uds.support.UnixSocket;
import uds.support.testing.Commands;
import uds.support.testing.JarUnderTest;
import uds.support.testing.Transcript;

/** The pair command: one end of a socketpair handed to a child JVM as its standard input. */
class PairIT {

    private static final Pattern PAIR = Pattern.compile("""
            parent (\\d+): started child (\\d+) with one end of a socketpair as its standard input
            child \\2: read (\\d+) bytes from descriptor 0, a socket with no name \\(System.inheritedChannel\\(\\)\\), and echoed them
            parent \\1: child \\2 echoed: (.*)
            """);

    @Test
    void aChildJvmEchoesThroughTheEndItInherited() throws Exception {
        Transcript transcript = new Transcript();
        Commands.Result result = transcript.record(JarUnderTest.get().command("pair", "hello"));
        transcript.write("pair");
        assertEquals(0, result.exit(), result.stderr());
        Matcher lines = PAIR.matcher(result.stdout());
        assertTrue(lines.matches(), result.stdout());
        assertNotEquals(lines.group(1), lines.group(2), "two processes");
        assertEquals("5", lines.group(3));
        assertEquals("hello", lines.group(4));
    }

    @Test
    void theTextIsBoundedAndTheChildRefusesAnythingButASocket() throws Exception {
        Commands.Result tooLong = Commands.run(JarUnderTest.get().command("pair", "x".repeat(SocketPairToChild.MAX_TEXT + 1)));
        assertEquals(new Commands.Result(2, "", "error: TEXT is 4097 bytes; at most 4096\n"
                + "try: java -jar 08-datagram.jar --help\n"), tooLong);
        Commands.Result pipe = Commands.run(JarUnderTest.get().command("pair-child"), "hello");
        assertEquals(new Commands.Result(1, "", "error: descriptor 0 is not a connected AF_UNIX stream socket:"
                + " pair-child is the child that the pair command starts, with one end of a socketpair as its"
                + " standard input\n"), pipe);
    }

    // tag::datagram-child[]
    /** The JDK adopts a Unix datagram socket at descriptor 0, as a channel that cannot receive. */
    @Test
    void aDatagramEndIsAdoptedAsAChannelTheJdkCannotUse() throws Exception {
        try (UnixSocket.Pair pair = UnixSocket.pair(SOCK_DGRAM)) {
            pair.one().send(null, "hello".getBytes(StandardCharsets.UTF_8), null);
            Redirect end = FileDescriptorCast.unsafeUsing(pair.other().descriptor()).as(Redirect.class);
            Process child = new ProcessBuilder(JarUnderTest.get().command("pair-child"))
                    .redirectInput(end)
                    .start();
            pair.other().close();
            String error = new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(child.waitFor(SocketPairToChild.CHILD_WAIT.toSeconds(), TimeUnit.SECONDS));
            assertEquals(1, child.exitValue());
            assertEquals("error: descriptor 0 is a datagram socket, which the JDK adopts"
                    + " as a DatagramChannel that cannot use it: receive() threw SocketException"
                    + "; this is why pair hands down a stream socket\n", error);
        }
    }
    // end::datagram-child[]

    // tag::close-trap[]
    /**
     * The trap in handing down a junixsocket end: its close() calls shutdown(2) first, and
     * shutdown acts on the socket, which the child shares, not on this process's descriptor.
     * So the child reads end of stream at once, and the parent's write fails (EPIPE). The pair
     * command makes its pair through FFM and closes its copy with a plain close(2).
     */
    @Test
    void closingTheHandedDownEndThroughJunixsocketShutsItForTheChildToo() throws Exception {
        AFUNIXSocketPair<AFUNIXSocketChannel> pair = AFUNIXSocketPair.open();
        try (AFUNIXSocketChannel mine = pair.getSocket1();
                AFUNIXSocketChannel theirs = pair.getSocket2()) {
            Redirect end = FileDescriptorCast.using(theirs.getFileDescriptor()).as(Redirect.class);
            Process child = new ProcessBuilder(JarUnderTest.get().command("pair-child"))
                    .redirectInput(end)
                    .start();
            theirs.close(); // shutdown(fd, SHUT_RDWR), then close(fd)
            ByteBuffer hello = ByteBuffer.wrap("hello".getBytes(StandardCharsets.UTF_8));
            assertThrows(IOException.class, () -> mine.write(hello)); // EPIPE
            String report = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(report.contains(": read 0 bytes from descriptor 0"), report);
            assertTrue(child.waitFor(SocketPairToChild.CHILD_WAIT.toSeconds(), TimeUnit.SECONDS));
        }
    }
    // end::close-trap[]
}
