package uds.socketactivation;

import java.io.IOException;

import org.newsclub.net.unix.AFUNIXSocketCredentials;

import uds.support.Credentials;
import uds.support.UserDatabase;

/** The first line a client gets: who the kernel says it is (SO_PEERCRED, lesson 03). */
final class Greeting {

    static String of(AFUNIXSocketCredentials peer) throws IOException {
        // junixsocket sign-extends uid_t and gid_t (lesson 03): keep the low 32 bits.
        long uid = Credentials.unsigned(peer.getUid());
        long gid = Credentials.unsigned(peer.getGid());
        return "hello pid=" + peer.getPid() + " uid=" + UserDatabase.userLabel(uid) + " gid=" + UserDatabase.groupLabel(gid);
    }

    private Greeting() {
    }
}
