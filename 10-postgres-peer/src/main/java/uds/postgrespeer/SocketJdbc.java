package uds.postgrespeer;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import org.newsclub.net.unix.AFUNIXSocketFactory;

/**
 * JDBC over PostgreSQL's Unix socket: pgjdbc connects a {@code java.net.Socket}, which the
 * JDK's Unix channels cannot give ({@code SocketChannel.socket()} throws), so junixsocket's
 * socket factory makes it, connected to the socket file whatever host the URL names.
 */
final class SocketJdbc {

    // tag::url[]
    /**
     * No SSL: the kernel carries the bytes, and libpq never tries SSL on a Unix socket. pgjdbc
     * cannot tell it is one; its default (prefer) asks for SSL first and, after a refusal,
     * connects a second time without.
     */
    static String url(Path socket, String database) {
        return "jdbc:postgresql://localhost/" + database
                + "?socketFactory=" + AFUNIXSocketFactory.FactoryArg.class.getName()
                + "&socketFactoryArg=" + socket
                + "&sslmode=disable";
    }

    /** Logs in as role with no password: peer authentication or nothing. */
    static Connection connect(Path socket, String database, String role) throws SQLException {
        Properties login = new Properties();
        login.setProperty("user", role);
        login.setProperty("connectTimeout", "10");
        return DriverManager.getConnection(url(socket, database), login);
    }
    // end::url[]

    private SocketJdbc() {
    }
}
