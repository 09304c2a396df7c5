package uds.datagram;

import static uds.support.SocketConstants.SOCK_STREAM;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.newsclub.net.unix.FileDescriptorCast;

import uds.support.ErrnoException;
import uds.support.LessonJar;
import uds.support.Printable;
import uds.support.UnixSocket;

/**
 * Lesson 08's socketpair across a process boundary (its partner: {@link InheritedEcho}, run
 * in a child JVM). The parent makes a connected pair, starts the child with one end as its
 * standard input, writes a text into its own end and prints what the child echoes. The pair
 * has no name: no other process can connect to it or squat it; the only way in is to be given
 * an end. ProcessBuilder closes every descriptor from 3 up in the child and has no public way
 * to hand one down, which leaves descriptors 0, 1 and 2.
 */
final class SocketPairToChild {

    /** The most the parent sends and the child echoes. */
    static final int MAX_TEXT = 4096;
    /** How long the child JVM may take to start and echo, however busy the machine. */
    static final Duration CHILD_WAIT = Duration.ofSeconds(60);

    /** Sends text (at most {@link #MAX_TEXT} bytes in UTF-8) to a child and prints its echo. */
    static void run(LessonJar jar, String text, PrintStream out) throws IOException, InterruptedException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        long parent = ProcessHandle.current().pid();
        // tag::hand-down[]
        try (UnixSocket.Pair pair = UnixSocket.pair(SOCK_STREAM)) {
            Process child = new ProcessBuilder(jar.command("pair-child"))
                    .redirectInput(asRedirect(pair.other()))
                    .redirectError(Redirect.INHERIT)
                    .start();
            // The child holds its own copy now, at its descriptor 0. Ours must go: while any
            // process holds that end open, ours never reads end of stream if the child dies.
            pair.other().close();
            out.println("parent " + parent + ": started child " + child.pid()
                    + " with one end of a socketpair as its standard input");
            UnixSocket mine = pair.one();
            mine.receiveTimeout(CHILD_WAIT);
            mine.send(null, bytes, null);
            mine.shutdownOutput(); // the child reads end of stream: it has the whole text
            byte[] echo = readToEnd(mine, child);
            // end::hand-down[]
            String report = new String(child.getInputStream().readNBytes(MAX_TEXT), StandardCharsets.UTF_8);
            if (!child.waitFor(CHILD_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                child.destroyForcibly();
                throw new IOException("child " + child.pid() + " echoed but did not exit within "
                        + CHILD_WAIT.toSeconds() + " s");
            }
            if (child.exitValue() != 0) {
                throw new IOException("child " + child.pid() + " exited with status " + child.exitValue()
                        + " (its error is above)");
            }
            out.print(report);
            out.println("parent " + parent + ": child " + child.pid() + " echoed: "
                    + Printable.line(new String(echo, StandardCharsets.UTF_8)));
        }
    }

    // tag::redirect[]
    /**
     * An open descriptor as a ProcessBuilder.Redirect, which the JDK offers no public way to
     * make. junixsocket's FileDescriptorCast fills in the JDK-internal kind that ProcessBuilder
     * uses for its own pipelines: this relies on JDK internals, and may break in a later JDK.
     */
    private static Redirect asRedirect(UnixSocket end) throws IOException {
        return FileDescriptorCast.unsafeUsing(end.descriptor()).as(Redirect.class);
    }
    // end::redirect[]

    /** What the child sends until it closes its end, at most {@link #MAX_TEXT} bytes. */
    private static byte[] readToEnd(UnixSocket mine, Process child) throws IOException {
        ByteArrayOutputStream echo = new ByteArrayOutputStream();
        try {
            for (UnixSocket.Received part; (part = mine.receive(0)) != null && echo.size() <= MAX_TEXT; ) {
                echo.write(part.text());
            }
        } catch (ErrnoException e) {
            if (e.errno() != ErrnoException.EAGAIN) {
                throw e;
            }
            child.destroyForcibly();
            throw new IOException("no echo from child " + child.pid() + " within " + CHILD_WAIT.toSeconds() + " s", e);
        }
        return echo.toByteArray();
    }

    private SocketPairToChild() {
    }
}
