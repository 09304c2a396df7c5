package uds.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uds.support.ServerProcess;
import uds.support.testing.Commands;
import uds.support.testing.DirectoryEvents;
import uds.support.testing.JarUnderTest;
import uds.support.testing.RequiresRoot;
import uds.support.testing.Transcript;

/**
 * The real thing: the Docker Engine API served by Podman (Debian package podman) on a socket
 * in a temporary directory, with storage of its own there: no image, no network, no daemon
 * left running. Root, as the Docker socket is; rootless Podman needs subordinate ids set up.
 */
class PodmanIT {

    private static final Path PODMAN = Path.of("/usr/bin/podman");

    @TempDir
    Path dir;

    // tag::podman[]
    @Test
    @RequiresRoot("the Podman service runs as root here, as Docker's socket does (rootless needs /etc/subuid)")
    void theClientTalksToPodmansDockerApi() throws Exception {
        assumeTrue(Files.isExecutable(PODMAN), "no podman (Debian: apt-get install podman)");
        Path socket = dir.resolve("podman.sock");
        // vfs storage: nothing mounted, so the temporary directory goes away whole.
        List<String> service = List.of(PODMAN.toString(), "--root", dir.resolve("root").toString(),
                "--runroot", dir.resolve("run").toString(), "--storage-driver", "vfs", "--events-backend", "file",
                "--cgroup-manager", "cgroupfs", "system", "service", "--time=0", "unix://" + socket);
        Transcript transcript = new Transcript();
        transcript.note("$ podman --root ... --runroot ... system service --time=0 unix://$PWD/podman.sock &");
        try (ServerProcess podman = ServerProcess.start(service, dir)) {
            // Podman prints nothing when it listens: the socket file appearing is the event.
            DirectoryEvents.awaitUntil(dir, () -> Files.exists(socket), Duration.ofSeconds(60), "podman to bind " + socket);
            Commands.Result version = transcript.recordIn(dir, JarUnderTest.get().command(
                    "client", "--docker", "podman.sock", "version"));
            assertEquals(0, version.exit(), version.stderr());
            assertTrue(version.stdout().matches("Podman Engine \\d+\\.\\d+\\.\\d+, API 1\\.\\d+ .*\n"), version.stdout());
            try (ServerProcess events = ServerProcess.start(JarUnderTest.get().command(
                    "client", "--docker", "podman.sock", "events"), dir)) {
                events.await("following volume events");
                assertEquals(new Commands.Result(0, "created volume uds-java-notes\n", ""), transcript.recordIn(dir,
                        JarUnderTest.get().command("client", "--docker", "podman.sock", "create-volume", "uds-java-notes")));
                assertTrue(transcript.recordIn(dir, JarUnderTest.get().command("client", "--docker", "podman.sock",
                        "volumes")).stdout().lines().toList().contains("uds-java-notes"));
                assertEquals(new Commands.Result(0, "removed volume uds-java-notes\n", ""), transcript.recordIn(dir,
                        JarUnderTest.get().command("client", "--docker", "podman.sock", "remove-volume", "uds-java-notes")));
                transcript.note("$ java -jar 09-http.jar client --docker podman.sock events    # meanwhile, in another terminal");
                transcript.note("following volume events (Ctrl-C to stop)");
                events.await("volume create uds-java-notes").forEach(transcript::note);
                events.await("volume remove uds-java-notes").forEach(transcript::note);
            }
        }
        transcript.write("podman");
    }
    // end::podman[]
}
