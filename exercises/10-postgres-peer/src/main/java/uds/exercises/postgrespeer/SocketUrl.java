package uds.exercises.postgrespeer;

import java.nio.file.Path;

/**
 * Exercise 10.1: the JDBC URL that reaches PostgreSQL through its socket file, once per
 * login. (Walkthrough 10, the smallest program. Checked by SocketUrlTest.)
 */
final class SocketUrl {

    /** A pgjdbc URL for database, connecting to socket (DIR/.s.PGSQL.5432), not to TCP. */
    static String of(Path socket, String database) {
        // TODO: this is TCP on localhost, where this server does not listen
        return "jdbc:postgresql://localhost:5432/" + database;
    }

    private SocketUrl() {
    }
}
