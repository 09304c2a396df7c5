package uds.exercises.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.unixdomain.server.UnixDomainServerConnector;
import org.eclipse.jetty.util.Callback;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * A real Jetty on a Unix socket for the exercises' tests: /echo answers "METHOD BODY", and
 * /stream answers three lines, each flushed on its own, with no length: chunked.
 */
final class JettyOnUnixSocket implements AutoCloseable {

    private final Server server = new Server();
    private final Path socket;

    JettyOnUnixSocket(Path socket) throws Exception {
        this.socket = socket;
        UnixDomainServerConnector connector = new UnixDomainServerConnector(server);
        connector.setUnixDomainPath(socket);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                if (request.getHttpURI().getPath().equals("/stream")) {
                    try (OutputStream out = Content.Sink.asOutputStream(response)) {
                        for (String line : new String[] {"one\n", "two\n", "three\n"}) {
                            out.write(line.getBytes(StandardCharsets.UTF_8));
                            out.flush();
                        }
                    }
                    callback.succeeded();
                    return true;
                }
                String body;
                try (InputStream in = Content.Source.asInputStream(request)) {
                    body = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
                }
                response.write(true, StandardCharsets.UTF_8.encode(request.getMethod() + " " + body), callback);
                return true;
            }
        });
        server.start();
    }

    /** Sends request as it is and reads the answer until the server closes, 5 s at most per read. */
    byte[] exchange(byte[] request) throws IOException {
        try (AFUNIXSocket connection = AFUNIXSocket.connectTo(AFUNIXSocketAddress.of(socket))) {
            connection.setSoTimeout(5000);
            connection.getOutputStream().write(request);
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            connection.getInputStream().transferTo(answer);
            return answer.toByteArray();
        }
    }

    /** Connects for a test that reads the answer itself. */
    AFUNIXSocket connect() throws IOException {
        AFUNIXSocket connection = AFUNIXSocket.connectTo(AFUNIXSocketAddress.of(socket));
        connection.setSoTimeout(5000);
        return connection;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
