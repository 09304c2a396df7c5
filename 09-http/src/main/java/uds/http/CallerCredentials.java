package uds.http;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.channels.SocketChannel;

import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Request;

import uds.support.Credentials;
import uds.support.SocketOption;

/**
 * Who sent an HTTP request, as the kernel says: SO_PEERCRED on the connection it came on
 * (lesson 03). The JDK's own SO_PEERCRED gives a user and a group name and no pid; the full
 * struct ucred needs getsockopt(2) on the descriptor, which the JDK keeps to itself. Its
 * internal SelChImpl.getFDVal() gives it: the jar's manifest exports sun.nio.ch for that
 * (Add-Exports), which is JDK internals and may change.
 */
final class CallerCredentials {

    private static final Method FD_VAL = descriptorMethod();

    // tag::caller[]
    static Credentials of(Request request) throws IOException {
        return of(request.getConnectionMetaData().getConnection().getEndPoint());
    }

    /** The peer of a connection's end point: asked once per request, and once as it opens. */
    static Credentials of(EndPoint endPoint) throws IOException {
        // Jetty's UnixDomainServerConnector accepts JDK SocketChannels.
        return SocketOption.peerCredentials(descriptor((SocketChannel) endPoint.getTransport()));
    }

    /** The channel's descriptor number, through the JDK's internal SelChImpl interface. */
    private static int descriptor(SocketChannel channel) {
        try {
            return (int) FD_VAL.invoke(channel);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("sun.nio.ch is not exported to this code: run the jar (its manifest"
                    + " says Add-Exports: java.base/sun.nio.ch), or add --add-exports java.base/sun.nio.ch=ALL-UNNAMED", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("getFDVal failed", e.getCause());
        }
    }
    // end::caller[]

    private static Method descriptorMethod() {
        try {
            return Class.forName("sun.nio.ch.SelChImpl").getMethod("getFDVal");
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this JDK has no sun.nio.ch.SelChImpl.getFDVal()", e);
        }
    }

    private CallerCredentials() {
    }
}
