package uds.pathsocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import uds.support.StaleSocketGuard;
import uds.support.testing.AttackScene;
import uds.support.testing.Commands;
import uds.support.testing.EchoServerAttacks;
import uds.support.testing.JarUnderTest;
import uds.support.testing.RequiresRoot;

/**
 * "What an attacker can try" against lesson 01's server: a root server with a socket anyone
 * may connect to (mode 0666) in a shared directory like /tmp, and the user nobody doing its
 * worst. The attacks on the echo protocol come from {@link EchoServerAttacks}; the planted lock
 * file is this lesson's own.
 */
class AttackIT extends EchoServerAttacks {

    private static Path socket(String name) {
        return scene.shared().resolve(name);
    }

    private static List<String> server(Path socket, List<String> limits) {
        List<String> arguments = new ArrayList<>(List.of("server", "--socket", socket.toString(), "--mode", "0666"));
        arguments.addAll(limits);
        return JarUnderTest.get().command(arguments.toArray(String[]::new));
    }

    @Override
    protected List<String> serverWith(List<String> limits) {
        return server(socket("echo.sock"), limits);
    }

    @Override
    protected String target() {
        return socket("echo.sock").toString();
    }

    @Override
    protected List<String> honestClient() {
        return JarUnderTest.get().command("client", "--socket", target(), "still there?");
    }

    // tag::lock-link[]
    @Test
    @Order(6)
    @RequiresRoot(AttackScene.WHY)
    void aLockFileSymlinkPlantedBeforeStartUpIsRefusedNotFollowed() throws Exception {
        scene.title("Plant the lock file as a symlink to a file of root's");
        Path socket = socket("planted.sock");
        Path lock = StaleSocketGuard.lockPathOf(socket);
        Path victim = Files.writeString(Files.createTempFile("uds-victim-", ".txt"), "root's data\n");
        assertEquals(0, scene.asAttacker("ln", "-s", victim.toString(), lock.toString()).exit());

        Commands.Result start = scene.run(server(socket, List.of()));

        assertEquals(1, start.exit(), "the server refuses to start");
        assertTrue(start.stderr().startsWith("error: "), start.stderr());
        assertEquals("root's data\n", Files.readString(victim), "the target is untouched");
        assertTrue(Files.isSymbolicLink(lock), "and the link is left for its owner");
        assertFalse(Files.exists(socket));
        Files.delete(victim);
    }
    // end::lock-link[]
}
