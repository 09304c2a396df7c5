package uds.http.minimal;

import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.unixdomain.server.UnixDomainServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * The smallest HTTP service on a Unix socket: Jetty 12 bound to a path, answering every
 * request with who is calling, as the kernel says (SO_PEERCRED), not as a header claims.
 * Its partner: MinimalHttpClient, or curl --unix-socket.
 */
public final class MinimalHttpServer {

    public static void main(String[] args) throws Exception {
        Path path = Path.of(args.length > 0 ? args[0] : "http.sock");
        Server server = new Server();
        UnixDomainServerConnector connector = new UnixDomainServerConnector(server);
        connector.setUnixDomainPath(path);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback)
                    throws Exception {
                // The connection is a JDK SocketChannel: it knows its peer's user, group.
                SocketChannel channel = (SocketChannel) request.getConnectionMetaData()
                        .getConnection().getEndPoint().getTransport();
                UnixDomainPrincipal peer =
                        channel.getOption(ExtendedSocketOptions.SO_PEERCRED);
                String text = "hello " + peer.user().getName()
                        + " (group " + peer.group().getName() + "), you asked for "
                        + request.getHttpURI().getPath() + "\n";
                response.getHeaders().put(HttpHeader.CONTENT_TYPE,
                        "text/plain; charset=utf-8");
                response.write(true, StandardCharsets.UTF_8.encode(text), callback);
                return true;
            }
        });
        server.start(); // binds; a file already at path: it fails, and deletes nothing
        System.out.println("serving HTTP on " + path);
        server.join();
    }

    private MinimalHttpServer() {
    }
}
