package uds.http;

import java.time.Instant;
import java.util.HashMap;
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

    /** Each listener holds one of Jetty's threads while it listens. */
    static final int MAX_LISTENERS = 16;
    static final int MAX_PER_USER = MAX_LISTENERS / 4;
    static final int BACKLOG = 64;

    private final List<BlockingQueue<String>> listeners = new CopyOnWriteArrayList<>();
    private final Map<BlockingQueue<String>, Long> owners = new HashMap<>();

    /** A new listener's queue, or null when there are too many already, in all or of uid. */
    synchronized BlockingQueue<String> listen(long uid) {
        if (listeners.size() == MAX_LISTENERS
                || owners.values().stream().filter(owner -> owner == uid).count() == MAX_PER_USER) {
            return null;
        }
        BlockingQueue<String> queue = new ArrayBlockingQueue<>(BACKLOG);
        listeners.add(queue);
        owners.put(queue, uid);
        return queue;
    }

    synchronized void stop(BlockingQueue<String> queue) {
        listeners.remove(queue);
        owners.remove(queue);
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
