package uds.seqpacket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

import uds.support.ServerProcess;
import uds.support.testing.JarUnderTest;
import uds.support.testing.Transcript;

/**
 * Nothing is lost: several clients write at once while the server is killed with kill -9 at
 * a random moment. The file must still parse, and hold every change answered OK.
 */
class CrashIT {

    private static final int CLIENTS = 4;

    /** One line per run, for the walkthrough: what each kill left, and what the next start found. */
    private static final Transcript transcript = new Transcript();

    @AfterAll
    static void writeTranscript() throws IOException {
        transcript.write("crash");
    }

    @TempDir
    Path dir;

    // tag::crash[]
    @RepeatedTest(3)
    void aKilledServerLeavesAWholeFileWithEveryAcknowledgedChange() throws Exception {
        Path socket = dir.resolve("update.sock");
        Path config = dir.resolve("settings.conf");
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        // The moment of the kill is random: after 1 to 300 changes answered OK, counted as they
        // come, however slow the machine. The seed is printed so a failing run can be replayed
        // with -Dcrash.seed=N.
        long seed = Long.getLong("crash.seed", System.nanoTime());
        CountDownLatch changes = new CountDownLatch(1 + new Random(seed).nextInt(300));
        System.out.println("CrashIT: crash.seed=" + seed);
        try (ServerProcess server = ServerProcess.start(JarUnderTest.get().command(
                "server", "--socket", socket.toString(), "--config", config.toString()))) {
            server.await("listening on");
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                String prefix = "client" + c + ".";
                clients.add(Thread.ofPlatform().start(() -> hammer(socket, prefix, acknowledged, changes)));
            }
            assertTrue(changes.await(60, TimeUnit.SECONDS), "the clients got their changes in (crash.seed=" + seed + ")");
            server.kill(); // SIGKILL: no shutdown hook, no flush, nothing
            for (Thread client : clients) {
                client.join();
            }
        }
        assertTrue(acknowledged.size() > 0, "the clients got some changes in before the kill (crash.seed=" + seed + ")");
        long left = temporaryFiles(dir);
        assertTrue(left <= 1, "at most the one temporary file whose write the kill interrupted");
        // The next start: it opens the file as the server does, and clears what the kill left.
        try (ConfigFile onDisk = ConfigFile.open(config, line -> { })) { // throws if the file does not parse
            acknowledged.forEach((key, value) -> assertEquals(Optional.of(value), onDisk.get(key),
                    key + " (crash.seed=" + seed + ")"));
        }
        assertEquals(0, temporaryFiles(dir), "the next start removed the temporary file");
        transcript.note("kill -9 after " + acknowledged.size() + " changes answered OK: all " + acknowledged.size()
                + " in the file at the next start; temporary files left by the kill: " + left + ", after the next start: 0"
                + " (crash.seed=" + seed + ")");
    }
    // end::crash[]

    private static long temporaryFiles(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).count();
        }
    }

    /**
     * Sets prefix0, prefix1, ... until the server dies; records each change answered OK. A key
     * is set once: the change in flight at the kill may or may not be in the file, but no
     * acknowledged one may be missing.
     */
    private static void hammer(Path socket, String prefix, Map<String, String> acknowledged, CountDownLatch changes) {
        try (UpdateClient client = UpdateClient.connect(socket)) {
            for (int n = 0; ; n++) {
                String value = "value-" + n;
                if (client.request("SET " + prefix + n + " " + value).equals("OK")) {
                    acknowledged.put(prefix + n, value);
                    changes.countDown();
                }
            }
        } catch (IOException e) {
            // the server was killed: the test is about what it left behind
        }
    }
}
