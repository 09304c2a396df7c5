package uds.exercises.postgrespeer;

import java.sql.SQLException;

/**
 * Exercise 10.2: one line for a failed login, decided by what the server means, not by how it
 * words it. (Walkthrough 10, step 3. Checked by RefusalTest.)
 */
final class Refusal {

    /**
     * "refused: role ROLE is not this OS user's" when peer authentication refused the role,
     * "no database DATABASE" when the database does not exist, otherwise "failed: SQLSTATE".
     */
    static String describe(SQLException e, String role, String database) {
        // TODO: not every failed login is a refusal
        return "refused: role " + role + " is not this OS user's";
    }

    private Refusal() {
    }
}
