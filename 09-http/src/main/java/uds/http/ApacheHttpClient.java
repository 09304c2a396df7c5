package uds.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;

import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

/**
 * Apache HttpClient 5.6's classic client over a Unix socket: RequestConfig names the socket
 * (setUnixDomainSocket, new in 5.6); it connects through the JDK's Unix channels, or
 * junixsocket's where the JDK has none.
 */
final class ApacheHttpClient {

    // tag::apache[]
    static ClientCommand.Status exchange(Path socket, String method, String target, byte[] content,
            Consumer<byte[]> body) throws IOException {
        RequestConfig config = RequestConfig.custom().setUnixDomainSocket(socket).build();
        try (CloseableHttpClient client = HttpClients.custom().setDefaultRequestConfig(config).build()) {
            HttpUriRequestBase request = new HttpUriRequestBase(method, java.net.URI.create("http://localhost" + target));
            if (content != null) {
                request.setEntity(new ByteArrayEntity(content, ContentType.TEXT_PLAIN.withCharset("UTF-8")));
            }
            return client.execute(request, response -> {
                if (response.getEntity() != null) {
                    try (InputStream in = response.getEntity().getContent()) {
                        byte[] buffer = new byte[8192];
                        for (int n; (n = in.read(buffer)) > 0; ) {
                            body.accept(Arrays.copyOf(buffer, n));
                        }
                    }
                }
                return new ClientCommand.Status(response.getCode(), response.getReasonPhrase());
            });
        }
    }
    // end::apache[]

    private ApacheHttpClient() {
    }
}
