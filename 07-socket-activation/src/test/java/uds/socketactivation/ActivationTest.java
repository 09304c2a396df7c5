package uds.socketactivation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** What the environment must say before the server believes it was socket-activated. */
class ActivationTest {

    // tag::pid[]
    @Test
    void theSocketsMustBeMeantForThisProcess() {
        Activation.NotActivated parents = assertThrows(Activation.NotActivated.class,
                () -> Activation.from(Map.of("LISTEN_PID", "41", "LISTEN_FDS", "1"), 42));
        assertTrue(parents.getMessage().startsWith("LISTEN_PID is 41, not our pid 42"), parents.getMessage());
    }
    // end::pid[]

    @Test
    void oneSocketWithItsName() throws Exception {
        assertEquals(new Activation(1, List.of("echo")),
                Activation.from(Map.of("LISTEN_PID", "42", "LISTEN_FDS", "1", "LISTEN_FDNAMES", "echo"), 42));
        assertEquals(new Activation(1, List.of()), Activation.from(Map.of("LISTEN_PID", "42", "LISTEN_FDS", "1"), 42));
    }

    @Test
    void moreThanOneSocketIsRefusedNotHalfServed() {
        Activation.WrongCount two = assertThrows(Activation.WrongCount.class,
                () -> Activation.from(Map.of("LISTEN_PID", "42", "LISTEN_FDS", "2"), 42));
        assertTrue(two.getMessage().startsWith("LISTEN_FDS is 2: this server takes one socket"), two.getMessage());
    }

    @Test
    void missingZeroOrMalformedIsNotActivated() {
        for (Map<String, String> environment : List.of(Map.<String, String>of(), Map.of("LISTEN_FDS", "1"),
                Map.of("LISTEN_PID", "42", "LISTEN_FDS", "0"), Map.of("LISTEN_PID", "42", "LISTEN_FDS", "one"))) {
            Activation.NotActivated e = assertThrows(Activation.NotActivated.class, () -> Activation.from(environment, 42));
            assertTrue(e.getMessage().contains("systemd-socket-activate -l"), "says how to start it: " + e.getMessage());
        }
    }
}
