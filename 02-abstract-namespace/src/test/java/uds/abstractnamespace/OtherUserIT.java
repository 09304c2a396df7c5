package uds.abstractnamespace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * No permissions guard an abstract name: the user nobody connects to root's server, and
 * takes a free name before root's server can. Only the client's SO_PEERCRED check tells.
 */
class OtherUserIT {

    private static LessonJar nobodysJar;

    private final String name = "uds-it-" + ProcessHandle.current().pid() + "-" + System.nanoTime();

    @BeforeAll
    static void copyTheJarForNobody() throws IOException {
        if (Users.isRoot()) {
            nobodysJar = Cli.jar().readableCopy(Path.of("/tmp"));
        }
    }

    @AfterAll
    static void deleteTheCopy() throws IOException {
        if (nobodysJar != null) {
            nobodysJar.deleteCopy();
        }
    }

    @BeforeEach
    void onlyAsRoot() throws IOException {
        assumeTrue(Users.isRoot(), Users.NOT_ROOT);
    }

    private static List<String> asNobody(String... args) {
        return Users.as(Users.NOBODY_UID, Users.NOGROUP_GID, nobodysJar.command(args));
    }

    @Test
    void nobodyConnectsToRootsServer() throws Exception {
        try (ServerProcess server = ServerProcess.start(Cli.jar().command("server", "--name", name))) {
            server.await("listening on");
            assertEquals(new Cli.Result(0, "no permission asked\n", ""),
                    Cli.run(asNobody("client", "--name", name, "no permission asked"), ""));
        }
    }

    // tag::squat[]
    @Test
    void aSquatterTakesTheNameAndOnlyTheCheckingClientNotices() throws Exception {
        try (ServerProcess squatter = ServerProcess.start(asNobody("squat", "--name", name))) {
            squatter.await("squatting");

            Cli.Result realServer = Cli.run(Cli.jar().command("server", "--name", name), "");
            assertEquals(1, realServer.exit());

            Cli.Result trusting = Cli.run(Cli.jar().command("client", "--name", name, "my password"), "");
            assertEquals(new Cli.Result(0, "my password\n", ""), trusting);
            squatter.await("captured: my password");

            Cli.Result checking = Cli.run(Cli.jar().command(
                    "client", "--name", name, "--expect-user", "root", "my password"), "");
            assertEquals(new Cli.Result(1, "", "error: refusing to talk to @" + name + ": its server runs as"
                    + " uid 65534 (nobody), not uid 0 (root); someone may be squatting the name\n"), checking);
        }
    }
    // end::squat[]

    @Test
    void theCheckingClientTalksToTheRealServer() throws Exception {
        try (ServerProcess server = ServerProcess.start(Cli.jar().command("server", "--name", name))) {
            server.await("listening on");
            assertEquals(new Cli.Result(0, "it is you\n", ""), Cli.run(Cli.jar().command(
                    "client", "--name", name, "--expect-user", "root", "it is you"), ""));
        }
    }
}
