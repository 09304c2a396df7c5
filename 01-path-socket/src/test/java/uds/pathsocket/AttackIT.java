package uds.pathsocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import uds.support.StaleSocketGuard;
import uds.support.testing.AttackScene;
import uds.support.testing.Commands;
import uds.support.testing.EchoServerAttacks;
import uds.support.testing.JarUnderTest;

/**
 * "What an attacker can try" against lesson 01's server: a root server with a socket anyone
 * may connect to (mode 0666) in a shared directory like /tmp, and the user nobody doing its worst.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AttackIT {

    private static AttackScene scene;
    private static EchoServerAttacks attacks;

    @BeforeAll
    static void openScene() throws IOException {
        scene = AttackScene.open("attacks");
        Path socket = scene.shared().resolve("echo.sock");
        attacks = new EchoServerAttacks(scene, limits -> server(socket, limits), socket.toString(),
                JarUnderTest.get().command("client", "--socket", socket.toString(), "still there?"));
    }

    @AfterAll
    static void closeScene() throws IOException {
        if (scene != null) {
            scene.close();
        }
    }

    private static List<String> server(Path socket, List<String> limits) {
        List<String> arguments = new ArrayList<>(List.of("server", "--socket", socket.toString(), "--mode", "0666"));
        arguments.addAll(limits);
        return JarUnderTest.get().command(arguments.toArray(String[]::new));
    }

    @Test
    @Order(1)
    void holdingConnectionsOpenCostsAtMostTheCap() throws Exception {
        attacks.holdConnectionsOpen();
    }

    @Test
    @Order(2)
    void runningOutOfDescriptorsNeverStopsTheServer() throws Exception {
        attacks.useUpTheServersDescriptors();
    }

    @Test
    @Order(2)
    void aSilentConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        attacks.stayQuiet();
    }

    @Test
    @Order(3)
    void aLineWithNoEndIsRefusedAtTheCap() throws Exception {
        attacks.sendALineWithNoEnd();
    }

    @Test
    @Order(4)
    void tenThousandConnectionAttemptsDoNotStopTheServer() throws Exception {
        attacks.connectTenThousandTimes();
    }

    // tag::lock-link[]
    @Test
    @Order(5)
    void aLockFileSymlinkPlantedBeforeStartUpIsRefusedNotFollowed() throws Exception {
        scene.title("Plant the lock file as a symlink to a file of root's");
        Path socket = scene.shared().resolve("planted.sock");
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
