package uds.socketactivation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import uds.support.ServerProcess;
import uds.support.testing.AttackScene;
import uds.support.testing.AttackTests;
import uds.support.testing.Commands;
import uds.support.testing.JarUnderTest;
import uds.support.testing.RequiresRoot;

/**
 * "What an attacker can try" against lesson 07's activated server: root's service manager
 * (systemd-socket-activate) owns a socket every user may connect to, as a .socket unit with
 * SocketMode=0666 would make it, and the user nobody connects.
 */
class AttackIT extends AttackTests {

    // tag::share[]
    /**
     * One user takes every slot (8 / 4 = 2 are theirs) and trickles a byte a second on each:
     * root is served meanwhile, and the trickled lines end 3 s after they began.
     */
    @Test
    @Order(1)
    @RequiresRoot(AttackScene.WHY)
    void oneUserTricklingOnEverySlotLocksNoOneOut() throws Exception {
        assumeTrue(Files.isExecutable(SocketActivationIT.ACTIVATE), "no systemd-socket-activate (Debian: apt-get install systemd)");
        scene.title("Take every slot and send a byte a second on each, never a newline");
        Path socket = scene.shared().resolve("echo.sock");
        List<String> command = new ArrayList<>(List.of(SocketActivationIT.ACTIVATE.toString(), "-l", socket.toString()));
        command.addAll(JarUnderTest.get().command("server", "--max-connections", "8", "--idle-timeout", "3"));
        try (ServerProcess manager = scene.server(command, "Listening on")) {
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-rw-rw-"));
            scene.note("# as root: chmod 0666 " + socket + "   (SocketMode=0666 in a .socket unit)");
            ServerProcess attack = scene.attackInBackground("hold-trickle", socket.toString(), "8", "1", "15");
            scene.serverSays(manager, "refusing uid");
            Commands.Result root = scene.run(JarUnderTest.get().command("client", "--socket", socket.toString(), "still there?"));
            assertEquals(0, root.exit(), root.stderr());
            assertEquals("still there?", root.stdout().lines().toList().getLast(), "served during the attack");
            scene.serverSays(manager, "closed: no complete line within 3 s");
            String trickled = scene.finished(attack);
            assertTrue(trickled.contains("on 8 connections for up to 15 s: 0 still open;"), trickled);
        }
    }
    // end::share[]
}
