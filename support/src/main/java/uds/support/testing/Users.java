package uds.support.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Optional;

import uds.support.OtherUser;
import uds.support.UserDatabase;

/** The other users the tests run peers as, looked up by name: no test assumes a distribution's ids. */
public final class Users {

    /** The user of that name; the test is skipped, saying why, on a system that has none. */
    public static OtherUser require(String name) {
        Optional<OtherUser> user = OtherUser.named(name);
        assumeTrue(user.isPresent(), "this system has no user " + name + " to run the peer as");
        return user.get();
    }

    public static OtherUser nobody() {
        return require("nobody");
    }

    public static OtherUser wwwData() {
        return require("www-data");
    }

    /** {@code uid=65534(nobody) gid=65534(nogroup)} on Debian: as the lessons print them, whatever they are here. */
    public static String ids(OtherUser user) {
        return "uid=" + UserDatabase.userLabel(user.uid()) + " gid=" + UserDatabase.groupLabel(user.gid());
    }

    private Users() {
    }
}
