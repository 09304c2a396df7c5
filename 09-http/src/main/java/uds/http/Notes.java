package uds.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The agent's small in-memory store: named notes that any caller may read and only the
 * trusted may write. Bounded: a hostile writer would otherwise fill the heap.
 */
final class Notes {

    static final int MAX_NOTES = 100;
    static final int MAX_BYTES = 4096;
    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    /** What a write did, for the answer and the event stream. */
    enum Change { CREATED, REPLACED, DELETED, ABSENT, FULL }

    private final TreeMap<String, String> notes = new TreeMap<>();
    private final Events events;

    Notes(Events events) {
        this.events = events;
    }

    synchronized List<String> names() {
        return new ArrayList<>(notes.keySet());
    }

    synchronized Optional<String> get(String name) {
        return Optional.ofNullable(notes.get(name));
    }

    synchronized Change put(String name, String text, String by) {
        if (!notes.containsKey(name) && notes.size() == MAX_NOTES) {
            return Change.FULL;
        }
        Change change = notes.put(name, text) == null ? Change.CREATED : Change.REPLACED;
        events.publish(change, name, by);
        return change;
    }

    synchronized Change delete(String name, String by) {
        if (notes.remove(name) == null) {
            return Change.ABSENT;
        }
        events.publish(Change.DELETED, name, by);
        return Change.DELETED;
    }
}
