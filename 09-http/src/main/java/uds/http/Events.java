package uds.http;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The changes to the notes, for GET /v1/events: one JSON line per change, to every listener.
 * Listeners are bounded, and so is each one's backlog: one that does not read loses events
 * (and is told so), it never makes a writer wait.
 */
final class Events {

    static final int MAX_LISTENERS = 16;
    static final int BACKLOG = 64;

    private final List<BlockingQueue<String>> listeners = new CopyOnWriteArrayList<>();

    /** A new listener's queue, or null when there are {@link #MAX_LISTENERS} already. */
    synchronized BlockingQueue<String> listen() {
        if (listeners.size() == MAX_LISTENERS) {
            return null;
        }
        BlockingQueue<String> queue = new ArrayBlockingQueue<>(BACKLOG);
        listeners.add(queue);
        return queue;
    }

    void stop(BlockingQueue<String> queue) {
        listeners.remove(queue);
    }

    void publish(Notes.Change change, String name, String by) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("event", change.name().toLowerCase(Locale.ROOT));
        event.put("note", name);
        event.put("by", by);
        event.put("time", Instant.now().toString());
        String line = Json.object(event);
        for (BlockingQueue<String> queue : listeners) {
            if (!queue.offer(line)) {
                queue.clear();
                queue.offer(Json.object(Map.of("event", "lost", "reason", "this listener read too slowly")));
            }
        }
    }
}
