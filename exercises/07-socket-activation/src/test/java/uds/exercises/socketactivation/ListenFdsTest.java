package uds.exercises.socketactivation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import uds.support.testing.Exercise;

@Exercise(id = "07.1", title = "Sockets meant for this process only", step = "Step 2: were we activated, and for us?",
        file = "ListenFds.java",
        statement = "`count` must say 0 when LISTEN_PID names another process: a child of the service inherits"
                + " the variables, and must not take its parent's descriptors for its own.",
        hints = {
            "Compare LISTEN_PID with ourPid before believing LISTEN_FDS; a missing LISTEN_PID means not activated.",
            "`if (!Long.toString(ourPid).equals(environment.get(\"LISTEN_PID\"))) return 0;`"})
class ListenFdsTest {

    @Test
    void ourSocketsAreCounted() {
        assertEquals(2, ListenFds.count(Map.of("LISTEN_PID", "42", "LISTEN_FDS", "2"), 42));
    }

    @Test
    void ourParentsAreNot() {
        assertEquals(0, ListenFds.count(Map.of("LISTEN_PID", "41", "LISTEN_FDS", "1"), 42), "meant for pid 41");
        assertEquals(0, ListenFds.count(Map.of("LISTEN_FDS", "1"), 42), "no LISTEN_PID");
        assertEquals(0, ListenFds.count(Map.of("LISTEN_PID", "42", "LISTEN_FDS", "x"), 42), "not a number");
    }
}
