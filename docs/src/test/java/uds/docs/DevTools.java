package uds.docs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Headless Chromium driven over the DevTools protocol with nothing but the JDK's WebSocket
 * client: open a page at a given width, wait for it to load, evaluate a script in it.
 */
final class DevTools implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Process browser;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> replies = new ConcurrentHashMap<>();
    private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();

    private DevTools(Process browser, Path profile, WebSocket socket) {
        this.browser = browser;
        this.profile = profile;
        this.socket = socket;
    }

    /** Starts the browser (no sandbox: the tests may run as root) with an empty profile. */
    static DevTools start(Path chromium) throws Exception {
        Path profile = Files.createTempDirectory("uds-chromium-");
        Process browser = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--allow-file-access-from-files", "--user-data-dir=" + profile, "--remote-debugging-port=0", "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String endpoint = null;
        BufferedReader stderr = new BufferedReader(new InputStreamReader(browser.getErrorStream(), StandardCharsets.UTF_8));
        for (String line; endpoint == null && (line = stderr.readLine()) != null; ) {
            if (line.startsWith("DevTools listening on ")) {
                endpoint = line.substring("DevTools listening on ".length()).strip();
            }
        }
        if (endpoint == null) {
            browser.destroyForcibly();
            throw new IOException(chromium + " printed no DevTools address");
        }
        Thread.ofPlatform().daemon().start(() -> stderr.lines().forEach(line -> { })); // keep its pipe drained
        DevTools[] self = new DevTools[1];
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create(endpoint), new WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            self[0].receive(text.toString());
                            text.setLength(0);
                        }
                        webSocket.request(1);
                        return null;
                    }
                }).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        self[0] = new DevTools(browser, profile, socket);
        return self[0];
    }

    private void receive(String message) {
        try {
            JsonNode node = JSON.readTree(message);
            if (node.has("id")) {
                CompletableFuture<JsonNode> reply = replies.remove(node.get("id").asInt());
                if (reply != null) {
                    reply.complete(node);
                }
            } else {
                events.add(node);
            }
        } catch (IOException e) {
            // not JSON: not a message of the protocol
        }
    }

    /** Sends one command (to a page's session when session is not null) and returns its result. */
    JsonNode call(String session, String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", JSON.valueToTree(params));
        if (session != null) {
            message.put("sessionId", session);
        }
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        replies.put(id, reply);
        socket.sendText(JSON.writeValueAsString(message), true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        JsonNode answer = reply.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (answer.has("error")) {
            throw new IOException(method + ": " + answer.get("error"));
        }
        return answer.get("result");
    }

    /** A new tab at width × 900 CSS pixels, as a phone (width below 600) or a desktop shows it. */
    String newPage(int width) throws Exception {
        String target = call(null, "Target.createTarget", Map.of("url", "about:blank")).get("targetId").asText();
        String session = call(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true))
                .get("sessionId").asText();
        call(session, "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", 900, "deviceScaleFactor", 1, "mobile", width < 600));
        call(session, "Page.enable", Map.of());
        return session;
    }

    /** Loads url in the page and waits for its load event. */
    void load(String session, String url) throws Exception {
        events.clear();
        call(session, "Page.navigate", Map.of("url", url));
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode event = events.poll(100, TimeUnit.MILLISECONDS);
            if (event != null && "Page.loadEventFired".equals(event.path("method").asText())
                    && session.equals(event.path("sessionId").asText())) {
                return;
            }
        }
        throw new IOException("no load event for " + url + " within " + TIMEOUT.toSeconds() + " s");
    }

    /** The value of a script (an expression; a Promise is awaited) evaluated in the page. */
    JsonNode evaluate(String session, String expression) throws Exception {
        JsonNode result = call(session, "Runtime.evaluate",
                Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new IOException("the script failed: " + result.get("exceptionDetails"));
        }
        return result.get("result").get("value");
    }

    @Override
    public void close() throws IOException {
        socket.abort();
        browser.destroyForcibly();
        try {
            browser.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(profile)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // the browser's last writes may race the clean-up: a temporary directory is left
        }
    }

    static List<String> strings(JsonNode array) {
        return array == null ? List.of() : Stream.of(JSON.convertValue(array, String[].class)).toList();
    }
}
