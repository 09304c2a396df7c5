package uds.support;

import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A client's defence against a squatter (lessons 02 and 04). Whoever binds a free name first
 * is the server: anyone may bind a free abstract name, or plant a socket where a server has
 * not started yet. The name says nothing about who answers; the kernel does know who is at the
 * other end. The client asks (SO_PEERCRED) and sends nothing to a server run by the wrong user.
 */
public record ExpectedServer(long uid) {

    /** The option text of the clients' usage. */
    public static final String USAGE = """
              --expect-user USER refuse a server not run by USER (checked with SO_PEERCRED)
              --expect-uid UID   the same, by number
            """;

    /** From {@code --expect-user USER} or {@code --expect-uid UID}; empty if neither is given. */
    public static Optional<ExpectedServer> from(Arguments arguments) throws UsageException {
        Optional<String> user = arguments.value("--expect-user");
        Optional<String> uid = arguments.value("--expect-uid");
        if (user.isPresent() && uid.isPresent()) {
            throw new UsageException("give --expect-user or --expect-uid, not both");
        }
        if (user.isPresent()) {
            OptionalLong byName = UserDatabase.uidOf(user.get());
            if (byName.isEmpty()) {
                throw new UsageException("--expect-user: no user named " + user.get());
            }
            return Optional.of(new ExpectedServer(byName.getAsLong()));
        }
        return uid.isPresent() ? Optional.of(new ExpectedServer(Arguments.id("--expect-uid", uid.get()))) : Optional.empty();
    }

    // tag::check[]
    /**
     * @param reportedUid the server's uid as junixsocket's {@code getPeerCredentials().getUid()}
     *                    reports it: uid_t is unsigned, junixsocket sign-extends it, so only the
     *                    low 32 bits count (lesson 03 is about this mistake)
     * @param server      the name or path, for the message
     */
    public void check(long reportedUid, Object server) throws IOException {
        long actual = Integer.toUnsignedLong((int) reportedUid);
        if (actual != uid) {
            throw new IOException("refusing to talk to " + server + ": its server runs as uid "
                    + UserDatabase.userLabel(actual) + ", not uid " + UserDatabase.userLabel(uid)
                    + "; someone may be squatting the name");
        }
    }
    // end::check[]
}
