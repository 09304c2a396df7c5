package uds.scmcredentials;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

import uds.support.ErrnoException;
import uds.support.SocketConstants;

/**
 * The libc functions this lesson calls, as method handles of the Foreign Function &amp; Memory
 * API; the numbers they take come from {@link uds.support.SocketConstants}. Each socket call
 * captures errno right after it returns, before the JVM can run any code of its own that
 * might change it.
 */
final class Libc {

    private static final Linker LINKER = Linker.nativeLinker();
    static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    static final MethodHandle SOCKET = withErrno("socket", JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT);
    static final MethodHandle BIND = withErrno("bind", JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT);
    static final MethodHandle CONNECT = withErrno("connect", JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT);
    static final MethodHandle LISTEN = withErrno("listen", JAVA_INT, JAVA_INT, JAVA_INT);
    static final MethodHandle ACCEPT = withErrno("accept", JAVA_INT, JAVA_INT, ADDRESS, ADDRESS);
    static final MethodHandle SETSOCKOPT = withErrno("setsockopt", JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT);
    static final MethodHandle GETSOCKOPT = withErrno("getsockopt", JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS);
    static final MethodHandle SENDMSG = withErrno("sendmsg", JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT);
    static final MethodHandle RECVMSG = withErrno("recvmsg", JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT);
    static final MethodHandle CLOSE = withErrno("close", JAVA_INT, JAVA_INT);

    private static MethodHandle withErrno(String name, MemoryLayout result, MemoryLayout... arguments) {
        return LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow(name),
                FunctionDescriptor.of(result, arguments), Linker.Option.captureCallState("errno"));
    }

    /**
     * Calls a socket function (one made with {@link #withErrno}) and returns its result; a
     * negative result becomes an {@link ErrnoException} naming the call and its errno.
     */
    static long call(String name, MethodHandle function, Object... arguments) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment callState = arena.allocate(CALL_STATE);
            Object[] withState = new Object[arguments.length + 1];
            withState[0] = callState;
            System.arraycopy(arguments, 0, withState, 1, arguments.length);
            long result = ((Number) function.invokeWithArguments(withState)).longValue();
            if (result < 0) {
                throw new ErrnoException(name, (int) ERRNO.get(callState, 0L));
            }
            return result;
        } catch (ErrnoException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(name, e);
        }
    }

    private Libc() {
    }
}
