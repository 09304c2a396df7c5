package uds.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uds.support.Printable;

/**
 * The Docker Engine API on a Unix socket, as Podman serves it ({@code podman system service
 * unix://PATH}): the same HTTP/1.1 by hand as {@link JdkHttpClient}, with the API's version in
 * every path. What a Docker client library does underneath, for volumes, which need no image
 * and no network.
 */
final class DockerApi {

    /** The Docker API version asked for: Podman 4 serves 1.40 and 1.41 under this prefix. */
    static final String API = "/v1.41";

    private static final ObjectMapper JSON = new ObjectMapper();

    static void run(Path socket, String action, List<String> names, PrintStream out) throws IOException {
        switch (action) {
            case "version" -> {
                JsonNode version = json(socket, "GET", API + "/version", null);
                out.println(version.path("Components").path(0).path("Name").asText("engine") + " "
                        + version.path("Version").asText() + ", API " + version.path("ApiVersion").asText()
                        + " (oldest " + version.path("MinAPIVersion").asText() + "), " + version.path("Os").asText()
                        + "/" + version.path("Arch").asText());
            }
            case "volumes" -> {
                for (JsonNode volume : json(socket, "GET", API + "/volumes", null).path("Volumes")) {
                    out.println(Printable.line(volume.path("Name").asText()));
                }
            }
            case "create-volume" -> {
                byte[] request = JSON.writeValueAsBytes(Map.of("Name", names.getFirst()));
                JsonNode created = json(socket, "POST", API + "/volumes/create", request);
                out.println("created volume " + Printable.line(created.path("Name").asText()));
            }
            case "remove-volume" -> {
                String name = names.getFirst();
                expect(JdkHttpClient.exchange(socket, "DELETE", API + "/volumes/" + encoded(name), null, part -> { }),
                        204, "DELETE volume " + name);
                out.println("removed volume " + Printable.line(name));
            }
            case "events" -> events(socket, out);
            default -> throw new IllegalArgumentException(action);
        }
    }

    // tag::events[]
    /** Follows the engine's event stream, volumes only: one JSON object per line, for ever. */
    private static void events(Path socket, PrintStream out) throws IOException {
        String filter = URLEncoder.encode("{\"type\":[\"volume\"]}", StandardCharsets.UTF_8);
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        out.println("following volume events (Ctrl-C to stop)");
        out.flush();
        JdkHttpClient.exchange(socket, "GET", API + "/events?filters=" + filter, null, part -> {
            for (byte b : part) {
                if (b != '\n') {
                    if (line.size() < BodyLines.MAX_LINE) {
                        line.write(b); // bounded: the rest of a longer line is dropped
                    }
                    continue;
                }
                try {
                    JsonNode event = JSON.readTree(line.toByteArray());
                    out.println("volume " + Printable.line(event.path("Action").asText()) + " "
                            + Printable.line(event.path("Actor").path("Attributes").path("name").asText()));
                    out.flush();
                } catch (IOException e) {
                    out.println("(not JSON: " + Printable.quoted(line.toString(StandardCharsets.UTF_8)) + ")");
                }
                line.reset();
            }
        });
    }
    // end::events[]

    private static JsonNode json(Path socket, String method, String target, byte[] content) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        ClientCommand.Status status = JdkHttpClient.exchange(socket, method, target, content, body::writeBytes);
        expect(status, method.equals("POST") ? 201 : 200, method + " " + target + ": "
                + Printable.quoted(body.toString(StandardCharsets.UTF_8)));
        return JSON.readTree(body.toByteArray());
    }

    private static void expect(ClientCommand.Status status, int expected, String what) throws IOException {
        if (status.code() != expected) {
            throw new IOException("HTTP " + status.code() + " " + Printable.line(status.reason()) + " for " + what);
        }
    }

    private static String encoded(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private DockerApi() {
    }
}
