package uds.exercises.postgrespeer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.DriverManager;
import java.sql.SQLException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsclub.net.unix.AFUNIXSocketFactory;

import uds.support.testing.Exercise;

@Exercise(id = "10.2", title = "Say why a login failed", step = "Step 3: claiming a role that is not yours",
        file = "Refusal.java",
        statement = "`describe` must tell a refused role from a missing database, from what the server means:"
                + " its messages are in its own language.",
        hints = {
            "Every error PostgreSQL sends carries a five-character SQLSTATE, the same in every language.",
            "`e.getSQLState()`: 28000 is invalid_authorization_specification (peer said no), 3D000 invalid_catalog_name.",
            "`switch (String.valueOf(e.getSQLState())) { case \"28000\" -> ...; case \"3D000\" -> ...;"
                    + " default -> \"failed: \" + e.getSQLState(); }`"})
class RefusalTest {

    private static OwnPostgres postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = OwnPostgres.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    private static SQLException login(String database, String role) {
        String url = "jdbc:postgresql://localhost/" + database + "?socketFactory="
                + AFUNIXSocketFactory.FactoryArg.class.getName() + "&socketFactoryArg=" + postgres.socket() + "&sslmode=disable";
        return assertThrows(SQLException.class, () -> DriverManager.getConnection(url, OwnPostgres.login(role)).close());
    }

    @Test
    void aRoleThatIsNotThisUsersIsRefused() {
        String role = "not_" + OwnPostgres.me();
        assertEquals("refused: role " + role + " is not this OS user's", Refusal.describe(login("postgres", role), role, "postgres"));
    }

    @Test
    void aMissingDatabaseIsNoRefusal() {
        String role = OwnPostgres.me();
        assertEquals("no database atlantis", Refusal.describe(login("atlantis", role), role, "atlantis"));
    }
}
