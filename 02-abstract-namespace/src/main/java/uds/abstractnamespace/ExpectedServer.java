package uds.abstractnamespace;

import java.io.IOException;

import org.newsclub.net.unix.AFUNIXSocket;

import uds.support.UserDatabase;

/**
 * The client's defence against a squatter. Anyone may bind any free abstract name, so the
 * name says nothing about who answers. The kernel does know who is at the other end: the
 * client asks (SO_PEERCRED) and sends nothing to a server run by the wrong user.
 */
record ExpectedServer(long uid) {

    // tag::check[]
    void check(AFUNIXSocket connection, AbstractName name) throws IOException {
        // junixsocket hands uid_t (unsigned) back sign-extended: take the low 32 bits
        // (lesson 03 is about this mistake).
        long actual = Integer.toUnsignedLong((int) connection.getPeerCredentials().getUid());
        if (actual != uid) {
            throw new IOException("refusing to talk to " + name + ": its server runs as uid "
                    + UserDatabase.userLabel(actual) + ", not uid " + UserDatabase.userLabel(uid)
                    + "; someone may be squatting the name");
        }
    }
    // end::check[]
}
