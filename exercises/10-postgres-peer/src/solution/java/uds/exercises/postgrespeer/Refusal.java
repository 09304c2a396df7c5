package uds.exercises.postgrespeer;

import java.sql.SQLException;

/**
 * Exercise 10.2, solved: the SQLSTATE is the server's meaning (28000
 * invalid_authorization_specification, 3D000 invalid_catalog_name); the message is in the
 * server's language.
 */
final class Refusal {

    static String describe(SQLException e, String role, String database) {
        return switch (String.valueOf(e.getSQLState())) {
            case "28000" -> "refused: role " + role + " is not this OS user's";
            case "3D000" -> "no database " + database;
            default -> "failed: " + e.getSQLState();
        };
    }

    private Refusal() {
    }
}
