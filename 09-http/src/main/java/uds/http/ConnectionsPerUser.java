package uds.http;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.jetty.io.Connection;

import uds.support.ThrottledLog;
import uds.support.UserDatabase;

/**
 * A cap per local user on open connections, which Jetty has no notion of: it sees addresses,
 * and every caller's is empty. Each new connection is counted under its peer's uid (SO_PEERCRED)
 * and closed at once past the cap, so that one user holding connections (idle keep-alives, a
 * request trickled a byte at a time) cannot take the whole of {@link AgentServer#MAX_CONNECTIONS}.
 */
final class ConnectionsPerUser implements Connection.Listener {

    private final int max;
    private final ThrottledLog log;
    private final Map<Connection, Long> owners = new HashMap<>();
    private final Map<Long, Integer> open = new HashMap<>();

    ConnectionsPerUser(int max, ThrottledLog log) {
        this.max = max;
        this.log = log;
    }

    // tag::opened[]
    @Override
    public void onOpened(Connection connection) {
        long uid;
        try {
            uid = CallerCredentials.of(connection.getEndPoint()).uid();
        } catch (IOException e) {
            connection.close(); // gone before we could ask who it was
            return;
        }
        int count;
        synchronized (this) {
            count = open.merge(uid, 1, Integer::sum);
            owners.put(connection, uid);
        }
        if (count > max) {
            log.log("of uid " + UserDatabase.userLabel(uid), () -> "refusing uid " + UserDatabase.userLabel(uid)
                    + ": " + max + " connections open already (at most " + max + " per user)");
            connection.close();
        }
    }
    // end::opened[]

    @Override
    public synchronized void onClosed(Connection connection) {
        Long uid = owners.remove(connection);
        if (uid != null) {
            open.merge(uid, -1, (a, b) -> a + b == 0 ? null : a + b);
        }
    }
}
