package uds.abstractnamespace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

class UserDatabaseTest {

    @Test
    void findsUsersByNameAndByUid() {
        assertEquals(OptionalLong.of(0), UserDatabase.uidOf("root"));
        assertEquals(OptionalLong.of(65534), UserDatabase.uidOf("nobody"));
        assertEquals(Optional.of("root"), UserDatabase.nameOf(0));
        assertEquals(Optional.of("nobody"), UserDatabase.nameOf(65534));
    }

    @Test
    void anUnknownUserIsNotAnError() {
        assertEquals(OptionalLong.empty(), UserDatabase.uidOf("no-such-user-here"));
        assertEquals(Optional.empty(), UserDatabase.nameOf(4000000000L));
        assertEquals("4000000000", UserDatabase.describe(4000000000L));
        assertEquals("0 (root)", UserDatabase.describe(0));
    }
}
