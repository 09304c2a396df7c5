package uds.scmrights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uds.support.KernelFeatures;
import uds.support.ServerProcess;
import uds.support.ThisProcess;
import uds.support.UserDatabase;
import uds.support.testing.Commands;
import uds.support.testing.JarUnderTest;
import uds.support.testing.ProcessFigures;

/**
 * Another language on the other end: a Python peer (src/test/resources/peer.py) with
 * socket.send_fds / recv_fds, against the Java opener and the Java client, each in a process
 * of its own.
 */
class PythonPeerIT {

    static final Path PYTHON = Path.of("/usr/bin/python3");

    @TempDir
    Path dir;

    private Path peer;
    private Path file;

    @BeforeEach
    void needsPython() throws Exception {
        assumeTrue(Files.isExecutable(PYTHON), "/usr/bin/python3 is not installed");
        peer = Path.of(getClass().getResource("/peer.py").toURI());
        file = Files.writeString(dir.resolve("shared.txt"), "one file, two languages\n");
    }

    private List<String> python(String... args) {
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), peer.toString()));
        command.addAll(List.of(args));
        return command;
    }

    private ServerProcess javaOpener(Path socket) throws Exception {
        ServerProcess opener = ServerProcess.start(JarUnderTest.get().command("server", "--socket", socket.toString(),
                "--allow-file", file.toString()));
        opener.await("listening on");
        return opener;
    }

    @Test
    void aPythonClientReadsTheFileTheJavaOpenerSent() throws Exception {
        Path socket = dir.resolve("java.sock");
        try (ServerProcess opener = javaOpener(socket)) {
            Commands.Result python = Commands.run(python("client", socket.toString(), file.toString()));
            assertEquals(new Commands.Result(0, "one file, two languages\n", ""), python);
        }
    }

    @Test
    void theJavaClientReadsTheFileAPythonOpenerSentInBothViews() throws Exception {
        Path socket = dir.resolve("python.sock");
        try (ServerProcess opener = ServerProcess.start(python("server", socket.toString(), file.toString()))) {
            opener.await("listening");
            for (List<String> view : List.of(List.<String>of(), List.of("--raw"))) {
                List<String> args = new ArrayList<>(List.of("client", "--socket", socket.toString()));
                args.addAll(view);
                args.add(file.toString());
                Commands.Result java = Commands.run(JarUnderTest.get().command(args.toArray(String[]::new)));
                assertEquals(new Commands.Result(0, "one file, two languages\n", ""), java, "view " + view);
            }
        }
    }

    // tag::flood[]
    @Test
    void aHundredMessagesOfTenUnaskedDescriptorsLeaveTheOpenersDescriptorsAsTheyWere() throws Exception {
        Path socket = dir.resolve("flooded.sock");
        try (ServerProcess opener = javaOpener(socket)) {
            assertEquals(0, Commands.run(python("client", socket.toString(), file.toString())).exit(), "a first client");
            Commands.Result flood = Commands.run(python("flood", socket.toString(), "100", "10"));
            assertEquals(0, flood.exit(), flood.stderr());
            assertTrue(flood.stdout().endsWith("reply: ERR not on the allow list\n"), flood.stdout());
            assertTrue(flood.stdout().contains("refused by the kernel: " + (KernelFeatures.PASS_RIGHTS ? 100 : 0) + ";"),
                    flood.stdout());
            // The reply came after the opener had read every message: whatever it kept is open now.
            assertEquals(0, ProcessFigures.descriptorsOn(opener.pid(), peer), "descriptors of peer.py the opener holds");
            assertEquals(0, Commands.run(python("client", socket.toString(), file.toString())).exit(), "still serving");
        }
    }
    // end::flood[]

    // tag::handoff[]
    @Test
    void aConnectionHandedOnStillNamesTheProcessThatConnected() throws Exception {
        Path socket = dir.resolve("opener.sock");
        Path handoff = dir.resolve("handoff.sock");
        try (ServerProcess opener = javaOpener(socket);
             ServerProcess taker = ServerProcess.start(python("handoff-take", handoff.toString(), file.toString()))) {
            taker.await("ready");
            Commands.Run giver = Commands.runWithPid(python("handoff-give", socket.toString(), handoff.toString()), "");
            assertEquals(0, giver.result().exit(), giver.result().stderr());
            assertEquals(List.of("one file, two languages"), taker.await("two languages"));
            // The taker asked, but SO_PEERCRED was recorded at connect: the giver, long gone.
            assertEquals(List.of("pid=" + giver.pid() + " uid=" + UserDatabase.userLabel(ThisProcess.uid()) + ": handed \"" + file + "\""),
                    opener.await("handed"));
        }
    }
    // end::handoff[]
}
