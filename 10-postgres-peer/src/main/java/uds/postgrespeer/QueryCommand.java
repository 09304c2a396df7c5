package uds.postgrespeer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import uds.support.ConnectFailure;
import uds.support.Printable;
import uds.support.ThisProcess;

/**
 * The query command: SQL through pgjdbc over PostgreSQL's socket, logged in with no password
 * as this process's OS user or as a role it claims. Rows come from the server and are printed
 * escaped, one line each. A refusal is one line saying what the server compared.
 */
final class QueryCommand {

    /** SQLSTATE invalid_authorization_specification: what the server answers a refused login. */
    static final String REFUSED = "28000";
    /** SQLSTATE connection_rejection: pgjdbc's when the server asks for a password it has not got. */
    static final String PASSWORD_WANTED = "08004";
    /** SQLSTATE connection_unable_to_connect: pgjdbc's when the socket could not be connected. */
    static final String UNABLE_TO_CONNECT = "08001";

    static void run(Path socket, String database, String role, String sql, PrintStream out) throws IOException {
        try (Connection db = SocketJdbc.connect(socket, database, role); Statement statement = db.createStatement()) {
            boolean rows = statement.execute(sql);
            while (true) {
                if (rows) {
                    try (ResultSet result = statement.getResultSet()) {
                        print(result, out);
                    }
                } else if (statement.getUpdateCount() >= 0) {
                    out.println("(" + statement.getUpdateCount() + " rows changed)");
                } else {
                    break;
                }
                rows = statement.getMoreResults();
            }
        } catch (SQLException e) {
            throw explain(e, socket, role);
        }
    }

    // tag::refused[]
    /** Decided by SQLSTATE and exception types, never by the message: it is in the server's language. */
    static IOException explain(SQLException e, Path socket, String role) {
        String state = e.getSQLState();
        if (REFUSED.equals(state) && role.equals(ThisProcess.userName())) {
            return new IOException("PostgreSQL refused role " + role + ", this OS user's own name:"
                    + " the role does not exist (CREATE ROLE " + role + " LOGIN)"
                    + " or pg_hba.conf lets no one in this way", e);
        }
        if (REFUSED.equals(state)) {
            return new IOException("PostgreSQL refused role " + role + ": peer authentication"
                    + " compares it with the OS user the kernel names for this process, "
                    + ThisProcess.userName() + " (uid " + ThisProcess.uid() + "), through the role's"
                    + " pg_ident map if pg_hba.conf names one", e);
        }
        if (PASSWORD_WANTED.equals(state)) {
            return new IOException("the server at " + socket + " asked role " + role
                    + " for a password, and this client has none to give: pg_hba.conf does"
                    + " not say peer for it, or it is not PostgreSQL", e);
        }
        if (UNABLE_TO_CONNECT.equals(state) && e.getCause() instanceof IOException io) {
            return ConnectFailure.explain(socket, io);
        }
        return new IOException(state + " " + e.getMessage(), e);
    }
    // end::refused[]

    /** The column names, then a line per row; every value escaped as a peer's text is. */
    private static void print(ResultSet result, PrintStream out) throws SQLException {
        ResultSetMetaData columns = result.getMetaData();
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= columns.getColumnCount(); i++) {
            names.add(Printable.line(columns.getColumnLabel(i)));
        }
        out.println(String.join(" | ", names));
        long count = 0;
        while (result.next()) {
            List<String> values = new ArrayList<>();
            for (int i = 1; i <= columns.getColumnCount(); i++) {
                String value = result.getString(i);
                values.add(value == null ? "NULL" : Printable.line(value));
            }
            out.println(String.join(" | ", values));
            count++;
        }
        out.println("(" + count + (count == 1 ? " row)" : " rows)"));
    }

    private QueryCommand() {
    }
}
