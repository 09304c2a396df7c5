// The smallest credentials sender (lesson 05): one datagram with an SCM_CREDENTIALS
// control message holding this process's pid, uid and gid. The kernel checks them before
// it sends: claim anyone else's and sendmsg fails with EPERM (errno 1). Called through
// the Foreign Function & Memory API, with x86_64/arm64/riscv64 numbers. No build needed:
// java --enable-native-access=ALL-UNNAMED MinimalCredentialsSender.java [PATH] [TEXT].
// Its partner: MinimalCredentialsReceiver.
//
// It leaves out what the lesson's steps add: claiming other ids (step 3 shows the
// refusals), and naming the errno (support's ErrnoException does).
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

import com.sun.security.auth.module.UnixSystem;

public class MinimalCredentialsSender {

    static final int AF_UNIX = 1, SOCK_DGRAM = 2, SOL_SOCKET = 1, SCM_CREDENTIALS = 2;
    static final Linker LINKER = Linker.nativeLinker();
    static final MemoryLayout STATE = Linker.Option.captureStateLayout();
    static final VarHandle ERRNO = STATE.varHandle(PathElement.groupElement("errno"));
    static final MethodHandle SOCKET =
            libc("socket", JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT);
    static final MethodHandle SENDMSG =
            libc("sendmsg", JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT);
    static final MethodHandle CLOSE = libc("close", JAVA_INT, JAVA_INT);

    public static void main(String[] args) throws IOException {
        byte[] path = (args.length > 0 ? args[0] : "receiver.sock").getBytes(UTF_8);
        byte[] text = (args.length > 1 ? args[1] : "hello").getBytes(UTF_8);
        UnixSystem self = new UnixSystem(); // the JDK's getuid() and getgid()
        int pid = (int) ProcessHandle.current().pid();
        int uid = (int) self.getUid(), gid = (int) self.getGid();
        try (Arena arena = Arena.ofConfined()) {
            // struct sockaddr_un: the family, the path, a NUL; its length is just that.
            MemorySegment to = arena.allocate(2 + path.length + 1);
            to.set(JAVA_SHORT, 0, (short) AF_UNIX);
            MemorySegment.copy(path, 0, to, JAVA_BYTE, 2, path.length);
            MemorySegment iov = arena.allocate(16);        // struct iovec: base, length
            iov.set(ADDRESS, 0, arena.allocateFrom(JAVA_BYTE, text));
            iov.set(JAVA_LONG, 8, text.length);
            MemorySegment control = arena.allocate(32, 8); // CMSG_SPACE(12), zeroed
            control.set(JAVA_LONG, 0, 28L);                // cmsg_len: CMSG_LEN(12)
            control.set(JAVA_INT, 8, SOL_SOCKET);
            control.set(JAVA_INT, 12, SCM_CREDENTIALS);
            control.set(JAVA_INT, 16, pid);                // struct ucred: pid, uid, gid
            control.set(JAVA_INT, 20, uid);
            control.set(JAVA_INT, 24, gid);
            MemorySegment msg = arena.allocate(56);        // struct msghdr
            msg.set(ADDRESS, 0, to);
            msg.set(JAVA_INT, 8, (int) to.byteSize());
            msg.set(ADDRESS, 16, iov);
            msg.set(JAVA_LONG, 24, 1L);
            msg.set(ADDRESS, 32, control);
            msg.set(JAVA_LONG, 40, control.byteSize());
            int fd = (int) call("socket", SOCKET, AF_UNIX, SOCK_DGRAM, 0);
            try {
                call("sendmsg", SENDMSG, fd, msg, 0);
            } finally {
                call("close", CLOSE, fd);
            }
            System.out.println("sent " + text.length + " bytes as pid=" + pid
                    + " uid=" + Integer.toUnsignedLong(uid)     // uid_t and gid_t
                    + " gid=" + Integer.toUnsignedLong(gid));  // are unsigned
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
