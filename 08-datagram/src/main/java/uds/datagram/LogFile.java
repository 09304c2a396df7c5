package uds.datagram;

import static java.nio.file.StandardOpenOption.APPEND;
import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import uds.support.FileStatus;
import uds.support.ThisProcess;

/**
 * Where the log service writes its lines: a file, or standard output. The file is opened for
 * appending, so each line lands at its end whoever else writes there; never through a
 * symbolic link (a link planted at the path is refused, not followed); and, when it is new,
 * readable by its owner only: it says who sent what.
 */
final class LogFile implements AutoCloseable {

    private final PrintStream out;
    private final boolean owned;

    private LogFile(PrintStream out, boolean owned) {
        this.out = out;
        this.owned = owned;
    }

    static LogFile open(Path file, PrintStream standardOutput) throws IOException {
        if (file == null) {
            return new LogFile(standardOutput, false);
        }
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            refuseUnlessOurs(file); // told apart before the open, so the error says what is there
        }
        // NOFOLLOW: a link planted between the check and the open is refused, not followed.
        var channel = Files.newByteChannel(file, Set.of(CREATE, APPEND, WRITE, LinkOption.NOFOLLOW_LINKS),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            refuseUnlessOurs(file);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return new LogFile(new PrintStream(Channels.newOutputStream(channel), true, StandardCharsets.UTF_8), true);
    }

    /** A file someone else planted in a shared directory would let them read every line. */
    private static void refuseUnlessOurs(Path file) throws IOException {
        FileStatus status = FileStatus.of(file);
        if (!status.isRegularFile() || status.uid() != ThisProcess.uid() || status.links() != 1) {
            throw new IOException(file + " is " + status.kind() + " of uid " + status.uid() + " with " + status.links()
                    + (status.links() == 1 ? " link" : " links") + ": refusing to log into it; the log must be a"
                    + " regular file of this user's with one link");
        }
    }

    /** One or more lines, whole: two threads never interleave inside one. */
    synchronized void write(String lines) {
        out.println(lines);
    }

    @Override
    public synchronized void close() {
        if (owned) {
            out.close();
        }
    }
}
