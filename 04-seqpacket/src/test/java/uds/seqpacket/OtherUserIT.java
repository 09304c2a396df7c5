package uds.seqpacket;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

import uds.support.LessonJar;
import uds.support.ServerProcess;
import uds.support.UserDatabase;
import uds.support.testing.Commands;
import uds.support.testing.JarUnderTest;
import uds.support.testing.RequiresRoot;
import uds.support.testing.Users;

/** The story as it runs in production: the server as root, the web application as www-data. */
@RequiresRoot
class OtherUserIT {

    private Path dir;
    private LessonJar readableJar;

    @BeforeEach
    void prepare() throws IOException {
        dir = Files.createTempDirectory(Path.of("/tmp"), "uds-seqpacket-it-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        readableJar = JarUnderTest.get().readableCopy(dir);
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
        try (ServerProcess server = ServerProcess.start(JarUnderTest.get().command("server", "--socket", socket.toString(),
                "--config", config.toString(), "--allow-user", "www-data"))) {
            server.await("listening on");

            Commands.Result www = Commands.run(Users.wwwData().command(readableJar.command(
                    "client", "--socket", socket.toString(), "SET colour green")), "");
            assertEquals(new Commands.Result(0, "OK\n", ""), www);
            assertEquals(List.of("connection 1: uid " + UserDatabase.userLabel(Users.wwwData().uid()) + " admitted"),
                    server.await("admitted"));

            Commands.Result nobody = Commands.run(Users.nobody().command(readableJar.command(
                    "client", "--socket", socket.toString(), "SET colour black")), "");
            assertEquals(new Commands.Result(1, "ERR not authorized\n",
                    "error: the server does not accept requests from this user\n"), nobody);
            assertEquals(List.of("connection 2: uid " + UserDatabase.userLabel(Users.nobody().uid()) + " refused"),
                    server.await("refused"));
        }
        assertEquals(List.of("colour=green"), Files.readAllLines(config));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(config)));
        assertEquals("root", Files.getOwner(config).getName());
    }
    // end::users[]
}
