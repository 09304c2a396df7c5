package uds.seqpacket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The story as it runs in production: the server as root, the web application as www-data. */
class OtherUserIT {

    private Path dir;
    private LessonJar readableJar;

    @BeforeEach
    void asRoot() throws IOException {
        assumeTrue(Users.isRoot(), Users.NOT_ROOT);
        dir = Files.createTempDirectory(Path.of("/tmp"), "uds-seqpacket-it-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        readableJar = Cli.jar().readableCopy(dir);
    }

    @AfterEach
    void cleanUp() throws IOException {
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    // tag::users[]
    @Test
    void wwwDataIsAdmittedAndNobodyIsRefused() throws Exception {
        Path socket = dir.resolve("update.sock");
        Path config = Files.writeString(dir.resolve("settings.conf"), "colour=blue\n");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
        try (ServerProcess server = ServerProcess.start(Cli.jar().command("server", "--socket", socket.toString(),
                "--config", config.toString(), "--allow-user", "www-data"))) {
            server.await("listening on");

            Cli.Result www = Cli.run(Users.as(33, 33, readableJar.command(
                    "client", "--socket", socket.toString(), "SET colour green")), "");
            assertEquals(new Cli.Result(0, "OK\n", ""), www);
            assertEquals(List.of("connection 1: uid 33(www-data) admitted"), server.await("admitted"));

            Cli.Result nobody = Cli.run(Users.as(Users.NOBODY_UID, Users.NOGROUP_GID, readableJar.command(
                    "client", "--socket", socket.toString(), "SET colour black")), "");
            assertEquals(new Cli.Result(1, "ERR not authorized\n",
                    "error: the server does not accept requests from this user\n"), nobody);
            assertEquals(List.of("connection 2: uid 65534(nobody) refused"), server.await("refused"));
        }
        assertEquals(List.of("colour=green"), Files.readAllLines(config));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(config)));
        assertEquals("root", Files.getOwner(config).getName());
    }
    // end::users[]
}
