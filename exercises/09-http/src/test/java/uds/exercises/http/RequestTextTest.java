package uds.exercises.http;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uds.support.testing.Exercise;

@Exercise(id = "09.1", title = "Write the request by hand", step = "Step 4: the clients",
        file = "RequestText.java",
        statement = "`of` must write a request that a real HTTP/1.1 server (Jetty, on a Unix socket) answers,"
                + " then closes: the end of the answer is the end of the stream. A body must arrive whole.",
        hints = {
            "HTTP/1.1 refuses a request without a Host header (400), even on a Unix socket where it means nothing.",
            "`Connection: close` makes the server close after answering; `Content-Length` says where a body ends.",
            "`method + \" \" + target + \" HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\"`"
                    + " `+ (body == null ? \"\" : \"Content-Length: \" + body.length + \"\\r\\n\") + \"\\r\\n\"`"})
class RequestTextTest {

    @TempDir
    Path dir;

    private String answer(JettyOnUnixSocket jetty, byte[] request) throws Exception {
        try {
            return new String(jetty.exchange(request), StandardCharsets.UTF_8);
        } catch (SocketTimeoutException e) {
            fail("the server answered but did not close for 5 s: it keeps the connection for another request");
            throw e;
        }
    }

    @Test
    void aGetIsAnsweredAndTheAnswerEnds() throws Exception {
        try (JettyOnUnixSocket jetty = new JettyOnUnixSocket(dir.resolve("http.sock"))) {
            String answer = answer(jetty, RequestText.of("GET", "/echo", null));
            assertTrue(answer.startsWith("HTTP/1.1 200 "), "the server said: " + answer.lines().findFirst().orElse(""));
            assertTrue(answer.endsWith("\r\n\r\nGET "), answer);
        }
    }

    @Test
    void aPutCarriesItsBodyWhole() throws Exception {
        try (JettyOnUnixSocket jetty = new JettyOnUnixSocket(dir.resolve("http.sock"))) {
            String answer = answer(jetty, RequestText.of("PUT", "/echo", "grüße".getBytes(StandardCharsets.UTF_8)));
            assertTrue(answer.startsWith("HTTP/1.1 200 "), "the server said: " + answer.lines().findFirst().orElse(""));
            assertTrue(answer.endsWith("\r\n\r\nPUT grüße"), "the body did not arrive: " + answer);
        }
    }
}
