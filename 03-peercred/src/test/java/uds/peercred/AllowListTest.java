package uds.peercred;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

class AllowListTest {

    private static final PeerCredentials WWW_DATA = new PeerCredentials(100, 33, 33);
    private static final PeerCredentials NOBODY = new PeerCredentials(101, 65534, 65534);

    @Test
    void emptyAdmitsEveryone() {
        assertTrue(AllowList.EVERYONE.admits(NOBODY));
    }

    @Test
    void admitsListedUsersOnly() {
        AllowList list = new AllowList(Set.of(33L), Set.of());
        assertTrue(list.admits(WWW_DATA));
        assertFalse(list.admits(NOBODY));
    }

    @Test
    void admitsByGroupToo() {
        AllowList list = new AllowList(Set.of(0L), Set.of(65534L));
        assertTrue(list.admits(NOBODY));
        assertFalse(list.admits(WWW_DATA));
    }

    @Test
    void comparesUnsignedIds() {
        AllowList list = new AllowList(Set.of(4294967294L), Set.of());
        assertTrue(list.admits(new PeerCredentials(5, 4294967294L, 4294967294L)));
        assertFalse(list.admits(new PeerCredentials(5, -2, -2)), "a sign-extended uid is another number");
    }
}
