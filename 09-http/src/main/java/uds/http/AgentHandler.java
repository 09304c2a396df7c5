package uds.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import uds.support.Credentials;
import uds.support.Printable;
import uds.support.ThrottledLog;
import uds.support.UserDatabase;

/**
 * The agent's HTTP API: {@code /v1/version}, {@code /v1/whoami}, {@code /v1/notes/NAME} and
 * {@code /v1/events}. Every request is answered as its caller: the kernel's credentials for
 * the connection it came on, never a header or a token. Any caller reads; only the server's
 * own user and the {@code --admin-user}s write.
 */
final class AgentHandler extends Handler.Abstract {

    static final String VERSION = "uds-java 09-http 1";

    private final Set<Long> writers;
    private final Notes notes;
    private final Events events;
    private final ThrottledLog log;

    AgentHandler(Set<Long> writers, Notes notes, Events events, ThrottledLog log) {
        this.writers = writers;
        this.notes = notes;
        this.events = events;
        this.log = log;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Credentials caller = CallerCredentials.of(request);
        String method = request.getMethod();
        String path = request.getHttpURI().getPath();
        int status = route(caller, method, path, request, response, callback);
        // Any user may call as fast as they like: a line per request would let one fill the disk.
        log.log("from uid " + UserDatabase.userLabel(caller.uid()),
                () -> method + " " + Printable.quoted(path) + " from " + caller.describe() + ": " + status);
        return true;
    }

    private int route(Credentials caller, String method, String path, Request request, Response response,
            Callback callback) throws IOException {
        if (path.equals("/v1/version") && method.equals("GET")) {
            return json(response, callback, HttpStatus.OK_200, Map.of("version", VERSION));
        }
        if (path.equals("/v1/whoami") && method.equals("GET")) {
            return json(response, callback, HttpStatus.OK_200, whoami(caller));
        }
        if (path.equals("/v1/notes") && method.equals("GET")) {
            return json(response, callback, HttpStatus.OK_200, Map.of("notes", notes.names()));
        }
        if (path.startsWith("/v1/notes/")) {
            return note(caller, method, path.substring("/v1/notes/".length()), request, response, callback);
        }
        if (path.equals("/v1/events") && method.equals("GET")) {
            return events(caller, response, callback);
        }
        return error(response, callback, HttpStatus.NOT_FOUND_404, "no such endpoint: " + method + " " + path);
    }

    // tag::whoami[]
    private static Map<String, Object> whoami(Credentials caller) {
        Map<String, Object> who = new LinkedHashMap<>();
        who.put("pid", caller.pid());
        who.put("uid", caller.uid());
        who.put("gid", caller.gid());
        who.put("user", UserDatabase.userName(caller.uid()).orElse(""));
        who.put("group", UserDatabase.groupName(caller.gid()).orElse(""));
        return who;
    }
    // end::whoami[]

    // tag::notes[]
    private int note(Credentials caller, String method, String name, Request request, Response response,
            Callback callback) throws IOException {
        if (!Notes.NAME.matcher(name).matches()) {
            return error(response, callback, HttpStatus.BAD_REQUEST_400,
                    "a note's name is 1 to 64 of a-z, 0-9 and -, starting with a letter or digit");
        }
        if (method.equals("GET")) {
            return notes.get(name).map(text -> text(response, callback, text))
                    .orElseGet(() -> error(response, callback, HttpStatus.NOT_FOUND_404, "no note " + name));
        }
        if (!method.equals("PUT") && !method.equals("DELETE")) {
            return error(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, method + " is not for notes");
        }
        // Reading is for everyone; writing is decided by the kernel's uid, nothing the caller sends.
        if (!writers.contains(caller.uid())) {
            return error(response, callback, HttpStatus.FORBIDDEN_403, "uid " + UserDatabase.userLabel(caller.uid())
                    + " may read notes, not write them: writing is for the server's user and --admin-user");
        }
        String by = UserDatabase.userLabel(caller.uid());
        if (method.equals("DELETE")) {
            return notes.delete(name, by) == Notes.Change.DELETED
                    ? empty(response, callback, HttpStatus.NO_CONTENT_204)
                    : error(response, callback, HttpStatus.NOT_FOUND_404, "no note " + name);
        }
        byte[] body = bounded(request);
        if (body == null) {
            return error(response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413,
                    "a note is at most " + Notes.MAX_BYTES + " bytes");
        }
        return switch (notes.put(name, new String(body, StandardCharsets.UTF_8), by)) {
            case CREATED -> empty(response, callback, HttpStatus.CREATED_201);
            case FULL -> error(response, callback, HttpStatus.INSUFFICIENT_STORAGE_507,
                    "there are " + Notes.MAX_NOTES + " notes already: delete one first");
            default -> empty(response, callback, HttpStatus.NO_CONTENT_204);
        };
    }
    // end::notes[]

    /** The request's body, or null when it is longer than a note may be: never more is read. */
    private static byte[] bounded(Request request) throws IOException {
        long declared = request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
        if (declared > Notes.MAX_BYTES) {
            return null; // refused before a byte of it is read
        }
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] body = in.readNBytes(Notes.MAX_BYTES + 1);
            return body.length > Notes.MAX_BYTES ? null : body;
        }
    }

    // tag::events[]
    /** A streamed answer: one JSON line per change, until the caller goes away. */
    private int events(Credentials caller, Response response, Callback callback) {
        BlockingQueue<String> queue = events.listen(caller.uid());
        if (queue == null) {
            return error(response, callback, HttpStatus.SERVICE_UNAVAILABLE_503, "too many listeners (at most "
                    + Events.MAX_LISTENERS + ", " + Events.MAX_PER_USER + " per user): try again later");
        }
        response.setStatus(HttpStatus.OK_200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/x-ndjson");
        try (OutputStream out = Content.Sink.asOutputStream(response)) {
            out.write((Json.object(Map.of("event", "listening")) + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush(); // no Content-Length: Jetty sends it chunked, each flush a chunk
            while (true) {
                String line = queue.poll(15, TimeUnit.SECONDS);
                // A line every 15 s at least: a caller that is gone shows up as a failed write.
                out.write(((line == null ? Json.object(Map.of("event", "idle")) : line) + "\n")
                        .getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException e) {
            callback.failed(e); // the caller went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            callback.failed(e);
        } finally {
            events.stop(queue);
        }
        return HttpStatus.OK_200;
    }
    // end::events[]

    private static int json(Response response, Callback callback, int status, Map<String, ?> fields) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, StandardCharsets.UTF_8.encode(Json.object(fields) + "\n"), callback);
        return status;
    }

    private static int error(Response response, Callback callback, int status, String reason) {
        return json(response, callback, status, Map.of("error", reason));
    }

    private static int text(Response response, Callback callback, String text) {
        response.setStatus(HttpStatus.OK_200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.write(true, StandardCharsets.UTF_8.encode(text), callback);
        return HttpStatus.OK_200;
    }

    private static int empty(Response response, Callback callback, int status) {
        response.setStatus(status);
        response.write(true, null, callback);
        return status;
    }
}
