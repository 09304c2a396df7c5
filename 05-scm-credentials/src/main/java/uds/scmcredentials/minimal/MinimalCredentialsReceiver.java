// The smallest credentials receiver (lesson 05): a datagram socket with SO_PASSCRED on,
// so that every message arrives with the sender's pid, uid and gid, checked by the
// kernel. The JDK and junixsocket cannot ask for them: socket, bind, setsockopt and
// recvmsg are called through the Foreign Function & Memory API, with
// x86_64/arm64/riscv64 numbers. No build needed: java --enable-native-access=ALL-UNNAMED
// MinimalCredentialsReceiver.java [PATH]. Its partner: MinimalCredentialsSender.
//
// It leaves out what the lesson's steps add: the checked walk over every control message
// (step 4; this one reads only the first), descriptors a sender attaches unasked (closed
// in step 5; here they would stay open), and a stale file from a crash (lesson 01).
package uds.scmcredentials.minimal;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.file.Path;

public class MinimalCredentialsReceiver {

    static final int AF_UNIX = 1, SOCK_DGRAM = 2, SOL_SOCKET = 1;
    static final int SO_PASSCRED = 16, SCM_CREDENTIALS = 2;
    static final Linker LINKER = Linker.nativeLinker();
    static final MemoryLayout STATE = Linker.Option.captureStateLayout();
    static final VarHandle ERRNO = STATE.varHandle(PathElement.groupElement("errno"));
    static final MethodHandle SOCKET =
            libc("socket", JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT);
    static final MethodHandle BIND = libc("bind", JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT);
    static final MethodHandle SETSOCKOPT =
            libc("setsockopt", JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT);
    static final MethodHandle RECVMSG =
            libc("recvmsg", JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT);

    public static void main(String[] args) throws IOException {
        Path path = Path.of(args.length > 0 ? args[0] : "receiver.sock");
        try (Arena arena = Arena.ofConfined()) {
            int fd = (int) call("socket", SOCKET, AF_UNIX, SOCK_DGRAM, 0);
            byte[] name = path.toString().getBytes(UTF_8); // 107 bytes at most (01)
            // struct sockaddr_un: the family, the path, a NUL; its length is just that.
            MemorySegment address = arena.allocate(2 + name.length + 1);
            address.set(JAVA_SHORT, 0, (short) AF_UNIX);
            MemorySegment.copy(name, 0, address, JAVA_BYTE, 2, name.length);
            call("bind", BIND, fd, address, (int) address.byteSize());
            Runtime.getRuntime().addShutdownHook(new Thread(path.toFile()::delete));
            MemorySegment on = arena.allocateFrom(JAVA_INT, 1);
            call("setsockopt", SETSOCKOPT, fd, SOL_SOCKET, SO_PASSCRED, on, 4);
            System.out.println("receiving on " + path);

            MemorySegment text = arena.allocate(4096);
            MemorySegment iov = arena.allocate(16);        // struct iovec: base, length
            MemorySegment control = arena.allocate(32, 8); // CMSG_SPACE(sizeof ucred)
            MemorySegment msg = arena.allocate(56);        // struct msghdr
            while (true) {
                iov.set(ADDRESS, 0, text);
                iov.set(JAVA_LONG, 8, text.byteSize());
                msg.fill((byte) 0);                        // no name: we do not answer
                msg.set(ADDRESS, 16, iov);                 // one iovec
                msg.set(JAVA_LONG, 24, 1L);
                msg.set(ADDRESS, 32, control);             // the control buffer
                msg.set(JAVA_LONG, 40, control.byteSize());
                long length = call("recvmsg", RECVMSG, fd, msg, 0);
                // Control characters shown as ?: a peer must not drive our terminal.
                byte[] bytes = text.asSlice(0, length).toArray(JAVA_BYTE);
                String said = new String(bytes, UTF_8).replaceAll("\\p{Cc}", "?");
                // struct cmsghdr: size_t len, int level, int type; then struct ucred.
                boolean credentials = msg.get(JAVA_LONG, 40) >= 28
                        && control.get(JAVA_INT, 8) == SOL_SOCKET
                        && control.get(JAVA_INT, 12) == SCM_CREDENTIALS;
                // uid_t and gid_t are unsigned.
                long uid = Integer.toUnsignedLong(control.get(JAVA_INT, 20));
                long gid = Integer.toUnsignedLong(control.get(JAVA_INT, 24));
                System.out.println(!credentials ? "from (no credentials): " + said
                        : "from pid=" + control.get(JAVA_INT, 16) + " uid=" + uid
                        + " gid=" + gid + ": " + said);
            }
        }
    }

    static MethodHandle libc(String name, MemoryLayout result, MemoryLayout... args) {
        return LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow(name),
                FunctionDescriptor.of(result, args),
                Linker.Option.captureCallState("errno"));
    }

    /** Calls f: a negative result fails, with errno read before the JVM can touch it. */
    static long call(String name, MethodHandle f, Object... args) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            Object[] withState = new Object[args.length + 1];
            withState[0] = arena.allocate(STATE);
            System.arraycopy(args, 0, withState, 1, args.length);
            long result = ((Number) f.invokeWithArguments(withState)).longValue();
            if (result < 0) {
                int errno = (int) ERRNO.get((MemorySegment) withState[0], 0L);
                throw new IOException(name + " failed: errno " + errno);
            }
            return result;
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(name, e);
        }
    }
}
