package uds.exercises.http;

import java.io.IOException;
import java.io.InputStream;

/**
 * Exercise 09.3: a request's body, read only if it is small enough, as the agent reads a
 * note. (Walkthrough 09, what an attacker can try. Checked by BoundedBodyTest.)
 */
final class BoundedBody {

    /**
     * The body from in, or null if it is longer than max bytes. declaredLength is the
     * request's Content-Length, or -1 when it has none (a chunked body): a body declared too
     * long is refused before a byte of it is read, and of any other at most max + 1 are read.
     */
    static byte[] read(long declaredLength, InputStream in, int max) throws IOException {
        // TODO: a caller decides how much this reads; it must not
        byte[] body = in.readAllBytes();
        return body.length > max ? null : body;
    }

    private BoundedBody() {
    }
}
