package uds.peercred;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

class UserDatabaseTest {

    @Test
    void namesForIds() {
        assertEquals("0(root)", UserDatabase.userLabel(0));
        assertEquals("33(www-data)", UserDatabase.userLabel(33));
        assertEquals("65534(nogroup)", UserDatabase.groupLabel(65534));
    }

    @Test
    void anIdWithNoEntryIsTheBareNumber() {
        assertEquals("4294967294", UserDatabase.userLabel(4294967294L));
        assertEquals("4000000000", UserDatabase.groupLabel(4000000000L));
        assertEquals(Optional.empty(), UserDatabase.userName(4294967294L));
    }

    @Test
    void idsForNames() {
        assertEquals(OptionalLong.of(33), UserDatabase.uidOf("www-data"));
        assertEquals(OptionalLong.of(65534), UserDatabase.gidOf("nogroup"));
        assertEquals(OptionalLong.empty(), UserDatabase.uidOf("no-such-user-here"));
        assertEquals(OptionalLong.empty(), UserDatabase.gidOf("no-such-group-here"));
    }
}
