package uds.exercises.postgrespeer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import uds.support.testing.Exercise;

@Exercise(id = "10.1", title = "A JDBC URL to the socket", step = "The smallest program",
        file = "SocketUrl.java",
        statement = "`of` must give a URL with which pgjdbc logs in through the socket file (the server has no"
                + " TCP), and tries a refused login once, not twice.",
        hints = {
            "pgjdbc connects a java.net.Socket made by the socket factory the URL names; the JDK's Unix channels have none.",
            "junixsocket's `AFUNIXSocketFactory.FactoryArg` connects to the path given as `socketFactoryArg`;"
                    + " pgjdbc's default `sslmode=prefer` asks for SSL and, refused, tries again without.",
            "`\"jdbc:postgresql://localhost/\" + database + \"?socketFactory=\" + AFUNIXSocketFactory.FactoryArg.class.getName()`"
                    + " `+ \"&socketFactoryArg=\" + socket + \"&sslmode=disable\"`"})
class SocketUrlTest {

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

    @Test
    void itLogsInThroughTheSocketAsThisOsUser() throws Exception {
        try (Connection db = DriverManager.getConnection(SocketUrl.of(postgres.socket(), "postgres"),
                        OwnPostgres.login(OwnPostgres.me()));
                ResultSet row = db.createStatement().executeQuery("SELECT current_user")) {
            row.next();
            assertEquals(OwnPostgres.me(), row.getString(1));
        } catch (SQLException e) {
            fail("no login through " + postgres.socket() + ": " + e.getSQLState() + " " + e.getMessage());
        }
    }

    @Test
    void aRefusedLoginConnectsOnce() throws Exception {
        long before = postgres.connectionsReceived();
        SQLException refused = assertThrows(SQLException.class, () -> DriverManager.getConnection(
                SocketUrl.of(postgres.socket(), "postgres"), OwnPostgres.login("not_" + OwnPostgres.me())).close());
        assertEquals("28000", refused.getSQLState(), "not a refusal: " + refused.getMessage());
        assertEquals(before + 1, postgres.connectionsReceived(), "connections the server received for one refused login");
    }
}
