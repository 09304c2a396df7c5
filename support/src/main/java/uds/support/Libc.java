package uds.support;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * How the lessons call libc through the Foreign Function &amp; Memory API: a method handle per
 * function that captures errno right after the call returns, before the JVM can run any code
 * of its own that might change it, and one way to call it that turns a failure into an
 * {@link ErrnoException} naming the call and its errno.
 */
public final class Libc {

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    /** The libc function name, with errno captured; call it through {@link #call}. */
    public static MethodHandle withErrno(String name, MemoryLayout result, MemoryLayout... arguments) {
        return LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow(name),
                FunctionDescriptor.of(result, arguments), Linker.Option.captureCallState("errno"));
    }

    /**
     * A variadic libc function such as {@code syscall(long number, ...)}: the arguments from
     * firstVariadic on are passed as C passes variadic ones. Call it through {@link #call}.
     */
    public static MethodHandle variadicWithErrno(String name, int firstVariadic, MemoryLayout result,
            MemoryLayout... arguments) {
        return LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow(name), FunctionDescriptor.of(result, arguments),
                Linker.Option.firstVariadicArg(firstVariadic), Linker.Option.captureCallState("errno"));
    }

    /**
     * Calls a function made with {@link #withErrno} and returns its result; a negative result
     * (the C convention for failure) becomes an {@link ErrnoException}.
     */
    public static long call(String name, MethodHandle function, Object... arguments) throws ErrnoException {
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
        } catch (Throwable e) { // invokeWithArguments declares Throwable; a downcall throws none
            throw new IllegalStateException(name + ": " + e, e);
        }
    }

    private static final MethodHandle CLOSE = withErrno("close", JAVA_INT, JAVA_INT);

    /**
     * close(2), for a descriptor this code owns and is done with: a failure (EBADF, EINTR)
     * leaves nothing to do, and close must not be retried (the number may already be reused).
     */
    public static void closeQuietly(int fd) {
        try {
            call("close", CLOSE, fd);
        } catch (ErrnoException e) {
            // nothing left to do
        }
    }

    private Libc() {
    }
}
