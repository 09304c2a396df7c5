package uds.support;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static uds.support.Libc.withErrno;

import java.lang.invoke.MethodHandle;

/**
 * The socket functions of libc that lessons call through the Foreign Function &amp; Memory API
 * where neither the JDK nor junixsocket can (02's autobind, 05's credentials, 07's SEQPACKET
 * accept), one method handle each, called through {@link Libc#call}. sendmsg and recvmsg are
 * {@link SocketMessages}', getsockopt and setsockopt {@link SocketOption}'s; the numbers they
 * take come from {@link SocketConstants}, the addresses from {@link SockaddrUn}.
 */
public final class SocketCalls {

    public static final MethodHandle SOCKET = withErrno("socket", JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT);
    public static final MethodHandle BIND = withErrno("bind", JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT);
    public static final MethodHandle CONNECT = withErrno("connect", JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT);
    public static final MethodHandle LISTEN = withErrno("listen", JAVA_INT, JAVA_INT, JAVA_INT);
    public static final MethodHandle ACCEPT4 = withErrno("accept4", JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, JAVA_INT);
    public static final MethodHandle SOCKETPAIR = withErrno("socketpair", JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS);
    public static final MethodHandle SHUTDOWN = withErrno("shutdown", JAVA_INT, JAVA_INT, JAVA_INT);
    public static final MethodHandle GETSOCKNAME = withErrno("getsockname", JAVA_INT, JAVA_INT, ADDRESS, ADDRESS);

    private SocketCalls() {
    }
}
