package uds.http;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.StandardProtocolFamily;
import java.nio.channels.SocketChannel;

import org.junit.jupiter.api.Test;

/**
 * Where the JDK stops: its Unix channels have no java.net.Socket view, which is what most
 * HTTP clients (OkHttp, pgjdbc, the classic java.net world) are built on; and its HttpClient
 * has no way to name a socket file at all (a JEP for it is still a draft).
 */
class JdkRefusalTest {

    // tag::refusal[]
    @Test
    void aUnixSocketChannelHasNoSocketView() throws Exception {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            assertThrows(UnsupportedOperationException.class, channel::socket);
        }
    }
    // end::refusal[]
}
