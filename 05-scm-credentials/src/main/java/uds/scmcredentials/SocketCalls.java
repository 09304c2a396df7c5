package uds.scmcredentials;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static uds.support.Libc.withErrno;

import java.lang.invoke.MethodHandle;

/**
 * The socket functions of libc this lesson calls (sendmsg and recvmsg are
 * {@link uds.support.SocketMessages}', setsockopt {@link uds.support.SocketOption}'s), as
 * method handles of the Foreign Function &amp; Memory API, called through {@link uds.support.Libc#call}; the numbers they take come
 * from {@link uds.support.SocketConstants}.
 */
final class SocketCalls {

    static final MethodHandle SOCKET = withErrno("socket", JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT);
    static final MethodHandle BIND = withErrno("bind", JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT);
    static final MethodHandle CONNECT = withErrno("connect", JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT);
    static final MethodHandle LISTEN = withErrno("listen", JAVA_INT, JAVA_INT, JAVA_INT);
    static final MethodHandle ACCEPT = withErrno("accept", JAVA_INT, JAVA_INT, ADDRESS, ADDRESS);
    static final MethodHandle GETSOCKOPT = withErrno("getsockopt", JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS);

    private SocketCalls() {
    }
}
