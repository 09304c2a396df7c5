package uds.peercred;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static uds.support.SocketConstants.SOL_SOCKET;
import static uds.support.SocketConstants.SO_PEERCRED;

import java.io.FileDescriptor;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

import org.newsclub.net.unix.FileDescriptorCast;

import uds.support.ErrnoException;
import uds.support.SocketConstants;

/**
 * The raw way: {@code getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &ucred, &len)}, called through the
 * Foreign Function &amp; Memory API, as a C program would. The numbers come from
 * {@link SocketConstants}, which refuses to run on an architecture whose numbers it does not know.
 *
 * <p>This lesson's own copy, every step spelled out (the downcall handle, errno captured by
 * hand, invokeExact) as the snippet to learn from; the other lessons call the shared
 * {@link uds.support.SocketOption#peerCredentials}, and PeerCredentialsTest keeps the two equal.
 */
final class Getsockopt {

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final MethodHandle GETSOCKOPT = LINKER.downcallHandle(
            LINKER.defaultLookup().findOrThrow("getsockopt"),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS),
            Linker.Option.captureCallState("errno"));

    // tag::getsockopt[]
    static PeerCredentials peerCredentials(FileDescriptor socket) throws IOException {
        int fd = FileDescriptorCast.using(socket).as(Integer.class);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ucred = arena.allocate(PeerCredentials.UCRED);
            MemorySegment length = arena.allocateFrom(JAVA_INT, (int) ucred.byteSize());
            MemorySegment errno = arena.allocate(CALL_STATE);
            int result = (int) GETSOCKOPT.invokeExact(errno, fd, SOL_SOCKET, SO_PEERCRED, ucred, length);
            if (result != 0) {
                throw new ErrnoException("getsockopt(SO_PEERCRED)", (int) ERRNO.get(errno, 0L));
            }
            if (length.get(JAVA_INT, 0) != ucred.byteSize()) {
                throw new IOException("getsockopt(SO_PEERCRED) returned " + length.get(JAVA_INT, 0) + " bytes, not 12");
            }
            return PeerCredentials.fromUcred(ucred);
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
    // end::getsockopt[]

    private Getsockopt() {
    }
}
