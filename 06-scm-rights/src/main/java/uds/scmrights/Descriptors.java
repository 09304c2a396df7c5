package uds.scmrights;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;

import org.newsclub.net.unix.FileDescriptorCast;

import uds.support.Libc;

/**
 * Between the two ways this lesson holds a descriptor: junixsocket's {@link FileDescriptor}
 * objects and the plain numbers the kernel and FFM use.
 */
final class Descriptors {

    /** The number behind a FileDescriptor (the JDK keeps it private; junixsocket can tell). */
    static int number(FileDescriptor descriptor) throws IOException {
        return FileDescriptorCast.using(descriptor).as(Integer.class);
    }

    /** A FileDescriptor for a number, for junixsocket's setOutboundFileDescriptors. */
    static FileDescriptor of(int fd) throws IOException {
        return FileDescriptorCast.unsafeUsing(fd).getFileDescriptor();
    }

    static void close(int fd) {
        Libc.closeQuietly(fd);
    }

    /**
     * Closes through the object, which marks it invalid: junixsocket closes every descriptor it
     * received when its socket closes, and skips those already closed this way. Closing the
     * number instead would let that later close hit whatever file got the number meanwhile.
     */
    static void close(FileDescriptor descriptor) {
        try {
            new FileInputStream(descriptor).close();
        } catch (IOException e) {
            // nothing left to do
        }
    }

    private Descriptors() {
    }
}
