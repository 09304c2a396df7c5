package uds.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.unixdomain.server.UnixDomainServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * The HTTP bench's server: one Jetty 12 server with one handler, the answer lesson 09's agent
 * gives to GET /v1/version, on a Unix socket or on TCP loopback; nothing else differs. Its
 * partner: {@link HttpOverUnix}.
 *
 * <p>Usage: HttpService unix PATH | HttpService tcp; prints "ready ADDRESS" (the path, or the
 * port on 127.0.0.1) once listening and serves until killed.
 */
public final class HttpService {

    /** The ways to reach the same server, as the page names them. */
    enum Listener {
        UNIX("Unix socket"),
        TCP("TCP on 127.0.0.1");

        final String label;

        Listener(String label) {
            this.label = label;
        }
    }

    static final String ANSWER = "{\"version\":\"1\"}\n";

    public static void main(String[] args) throws Exception {
        Listener listener = Listener.valueOf(args[0].toUpperCase(Locale.ROOT));
        Server jetty = new Server();
        HttpConnectionFactory http = new HttpConnectionFactory(new HttpConfiguration());
        http.getHttpConfiguration().setSendServerVersion(false);
        // tag::connectors[]
        Connector connector;
        if (listener == Listener.UNIX) {
            UnixDomainServerConnector unix = new UnixDomainServerConnector(jetty, http);
            unix.setUnixDomainPath(Path.of(args[1]));
            connector = unix;
        } else {
            ServerConnector tcp = new ServerConnector(jetty, http);
            tcp.setHost("127.0.0.1");
            tcp.setPort(0);
            connector = tcp;
        }
        jetty.addConnector(connector);
        jetty.setHandler(new Version());
        // end::connectors[]
        jetty.start();
        String ready = connector instanceof ServerConnector tcp ? Integer.toString(tcp.getLocalPort()) : args[1];
        System.out.println("ready " + ready);
        System.out.flush();
        jetty.join();
    }

    /** Every request gets the same small JSON answer, its length said, kept alive. */
    private static final class Version extends Handler.Abstract.NonBlocking {

        private static final byte[] BODY = ANSWER.getBytes(StandardCharsets.UTF_8);

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            response.setStatus(HttpStatus.OK_200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, BODY.length);
            response.write(true, ByteBuffer.wrap(BODY), callback);
            return true;
        }
    }

    private HttpService() {
    }
}
