package uds.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;

import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import org.newsclub.net.unix.AFSocketFactory;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * OkHttp over a Unix socket: OkHttp wants a java.net.Socket, which the JDK's Unix channels
 * cannot give (SocketChannel.socket() throws for them), so junixsocket's socket factory
 * makes one that always connects to the socket, whatever the URL's host.
 */
final class OkHttpUnixClient {

    // tag::okhttp[]
    static ClientCommand.Status exchange(Path socket, String method, String target, byte[] content,
            Consumer<byte[]> body) throws IOException {
        OkHttpClient client = new OkHttpClient.Builder()
                .socketFactory(new AFSocketFactory.FixedAddressSocketFactory(AFUNIXSocketAddress.of(socket)))
                .build();
        // OkHttp insists on a body for PUT and POST, and on none for GET.
        RequestBody requestBody = content != null || method.equals("PUT") || method.equals("POST")
                ? RequestBody.create(content == null ? new byte[0] : content, MediaType.get("text/plain; charset=utf-8"))
                : null;
        Request request = new Request.Builder().url("http://localhost" + target).method(method, requestBody).build();
        try (Response response = client.newCall(request).execute(); InputStream in = response.body().byteStream()) {
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                body.accept(Arrays.copyOf(buffer, n));
            }
            return new ClientCommand.Status(response.code(), response.message());
        } finally {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }
    // end::okhttp[]

    private OkHttpUnixClient() {
    }
}
