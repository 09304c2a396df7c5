package uds.abstractnamespace;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import uds.support.testing.AttackScene;
import uds.support.testing.EchoServerAttacks;
import uds.support.testing.JarUnderTest;

/**
 * "What an attacker can try" against lesson 02's server: an abstract name has no file and no
 * permissions, so the user nobody reaches a root server's accept loop without asking anyone.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AttackIT {

    private static AttackScene scene;
    private static EchoServerAttacks attacks;

    @BeforeAll
    static void openScene() throws IOException {
        scene = AttackScene.open("attacks");
        String name = "uds-attack-" + ProcessHandle.current().pid();
        attacks = new EchoServerAttacks(scene, limits -> server(name, limits), "@" + name,
                JarUnderTest.get().command("client", "--name", name, "still there?"));
    }

    @AfterAll
    static void closeScene() throws IOException {
        if (scene != null) {
            scene.close();
        }
    }

    private static List<String> server(String name, List<String> limits) {
        List<String> arguments = new ArrayList<>(List.of("server", "--name", name));
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
}
