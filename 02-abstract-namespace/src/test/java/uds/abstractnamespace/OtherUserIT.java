package uds.abstractnamespace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import uds.support.LessonJar;
import uds.support.ServerProcess;
import uds.support.ThisProcess;
import uds.support.UserDatabase;
import uds.support.testing.Commands;
import uds.support.testing.JarUnderTest;
import uds.support.testing.RequiresRoot;
import uds.support.testing.Users;

/**
 * No permissions guard an abstract name: the user nobody connects to root's server, and
 * takes a free name before root's server can. Only the client's SO_PEERCRED check tells.
 */
@RequiresRoot
class OtherUserIT {

    private static LessonJar nobodysJar;

    private final String name = "uds-it-" + ProcessHandle.current().pid() + "-" + System.nanoTime();

    @BeforeAll
    static void copyTheJarForNobody() throws IOException {
        if (ThisProcess.isRoot()) {
            nobodysJar = JarUnderTest.get().readableCopy(Path.of("/tmp"));
        }
    }

    @AfterAll
    static void deleteTheCopy() throws IOException {
        if (nobodysJar != null) {
            nobodysJar.deleteCopy();
        }
    }

    private static List<String> asNobody(String... args) {
        return Users.nobody().command(nobodysJar.command(args));
    }

    @Test
    void nobodyConnectsToRootsServer() throws Exception {
        try (ServerProcess server = ServerProcess.start(JarUnderTest.get().command("server", "--name", name))) {
            server.await("listening on");
            assertEquals(new Commands.Result(0, "no permission asked\n", ""),
                    Commands.run(asNobody("client", "--name", name, "no permission asked"), ""));
        }
    }

    // tag::squat[]
    @Test
    void aSquatterTakesTheNameAndOnlyTheCheckingClientNotices() throws Exception {
        try (ServerProcess squatter = ServerProcess.start(asNobody("squat", "--name", name))) {
            squatter.await("squatting");

            Commands.Result realServer = Commands.run(JarUnderTest.get().command("server", "--name", name), "");
            assertEquals(1, realServer.exit());

            Commands.Result trusting = Commands.run(JarUnderTest.get().command("client", "--name", name, "my password"), "");
            assertEquals(new Commands.Result(0, "my password\n", ""), trusting);
            squatter.await("captured: \"my password\"");

            Commands.Result checking = Commands.run(JarUnderTest.get().command(
                    "client", "--name", name, "--expect-user", "root", "my password"), "");
            assertEquals(new Commands.Result(1, "", "error: refusing to talk to @" + name + ": its server runs as"
                    + " uid " + UserDatabase.userLabel(Users.nobody().uid())
                    + ", not uid 0(root); someone may be squatting the name\n"), checking);
        }
    }
    // end::squat[]

    @Test
    void theCheckingClientTalksToTheRealServer() throws Exception {
        try (ServerProcess server = ServerProcess.start(JarUnderTest.get().command("server", "--name", name))) {
            server.await("listening on");
            assertEquals(new Commands.Result(0, "it is you\n", ""), Commands.run(JarUnderTest.get().command(
                    "client", "--name", name, "--expect-user", "root", "it is you"), ""));
        }
    }
}
