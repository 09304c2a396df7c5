package uds.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.io.Transport;

/**
 * Jetty 12's HttpClient over a Unix socket: the URL names no socket (its host is only the
 * Host header); the request's transport, TCPUnix, does. The body is read as a stream, so
 * /v1/events prints each change as it comes.
 */
final class JettyHttpClient {

    // tag::jetty[]
    static ClientCommand.Status exchange(Path socket, String method, String target, byte[] content,
            Consumer<byte[]> body) throws IOException {
        HttpClient client = new HttpClient();
        try {
            client.start();
            Request request = client.newRequest("http://localhost" + target)
                    .transport(new Transport.TCPUnix(socket))
                    .method(method);
            if (content != null) {
                request.body(new BytesRequestContent("text/plain; charset=utf-8", content));
            }
            InputStreamResponseListener listener = new InputStreamResponseListener();
            request.send(listener);
            Response response = listener.get(30, TimeUnit.SECONDS);
            try (InputStream in = listener.getInputStream()) {
                byte[] buffer = new byte[8192];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    body.accept(Arrays.copyOf(buffer, n));
                }
            }
            return new ClientCommand.Status(response.getStatus(), response.getReason());
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("no answer within 30 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e); // HttpClient.start() and stop() declare Exception
        } finally {
            try {
                client.stop();
            } catch (Exception e) {
                // stopping a client whose work is done: nothing to tell
            }
        }
    }
    // end::jetty[]

    private JettyHttpClient() {
    }
}
