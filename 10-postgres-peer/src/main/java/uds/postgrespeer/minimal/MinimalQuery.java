package uds.postgrespeer.minimal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;

import org.newsclub.net.unix.AFUNIXSocketFactory;

/**
 * The smallest JDBC client of PostgreSQL's Unix socket: no password is sent. The
 * server asks the kernel who connected (SO_PEERCRED) and lets this process in as
 * the role named as its OS user: peer authentication. Its partner: a PostgreSQL
 * server with its socket in DIR (lesson 10's "postgres" command starts one).
 *
 * <p>Usage: MinimalQuery [DIR] (default: /var/run/postgresql, Debian's)
 */
public final class MinimalQuery {

    public static void main(String[] args) throws SQLException {
        String dir = args.length > 0 ? args[0] : "/var/run/postgresql";
        Path socket = Path.of(dir, ".s.PGSQL.5432");
        // pgjdbc connects a java.net.Socket: the JDK's Unix channels have none,
        // junixsocket's factory makes one, connected to the socket file (the host
        // in the URL is not used). No SSL on a local socket: libpq tries none there.
        String url = "jdbc:postgresql://localhost/postgres"
                + "?socketFactory=" + AFUNIXSocketFactory.FactoryArg.class.getName()
                + "&socketFactoryArg=" + socket
                + "&sslmode=disable";
        // The role claimed is this process's OS user; no password: the kernel vouches.
        Properties login = new Properties();
        login.setProperty("user", System.getProperty("user.name"));
        String sql = "SELECT current_user, pg_backend_pid()";
        try (Connection db = DriverManager.getConnection(url, login);
                ResultSet row = db.createStatement().executeQuery(sql)) {
            row.next();
            System.out.println("logged in as role " + row.getString(1)
                    + " with no password, served by server process " + row.getInt(2));
        }
    }

    private MinimalQuery() {
    }
}
