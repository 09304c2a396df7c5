package uds.postgrespeer;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.nio.channels.SocketChannel;
import java.sql.DriverManager;
import java.util.Properties;

import javax.net.SocketFactory;

import org.junit.jupiter.api.Test;

/**
 * Why JDBC needs junixsocket here: pgjdbc asks its socket factory for a java.net.Socket, and
 * the JDK's Unix channels have none to give. No server needed: it fails before connecting.
 */
class JdkSocketRefusalTest {

    // tag::jdk-factory[]
    /** What one tries first: a socket factory made of the JDK alone. */
    public static final class JdkUnixSocketFactory extends SocketFactory {

        @Override
        public Socket createSocket() throws IOException {
            // Throws UnsupportedOperationException: a Unix SocketChannel has no Socket view.
            return SocketChannel.open(StandardProtocolFamily.UNIX).socket();
        }
        // end::jdk-factory[]

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return createSocket();
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
            return createSocket();
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return createSocket();
        }

        @Override
        public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) throws IOException {
            return createSocket();
        }
    }

    // tag::refusal[]
    @Test
    void pgjdbcGetsNoSocketFromTheJdksUnixChannel() {
        Properties login = new Properties();
        login.setProperty("user", "postgres");
        Exception e = assertThrows(Exception.class, () -> DriverManager.getConnection("jdbc:postgresql://localhost/postgres"
                + "?socketFactory=" + JdkUnixSocketFactory.class.getName() + "&sslmode=disable", login).close());
        assertTrue(causes(e, UnsupportedOperationException.class), () -> "no UnsupportedOperationException in " + e);
    }
    // end::refusal[]

    private static boolean causes(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
