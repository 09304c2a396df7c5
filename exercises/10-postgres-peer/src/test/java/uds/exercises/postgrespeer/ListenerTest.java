package uds.exercises.postgrespeer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

import uds.support.ThisProcess;
import uds.support.testing.Exercise;

@Exercise(id = "10.3", title = "Who really listens", step = "What an attacker can try",
        file = "Listener.java",
        statement = "`of` must say which process, and which user, accepts connections on a socket: for PostgreSQL's"
                + " socket, and for an impostor's that has a lying lock file beside it.",
        hints = {
            "A file in the socket's directory says what whoever wrote it wanted; the kernel knows who accepted.",
            "Connect, then ask for the peer's credentials: SO_PEERCRED, lesson 03 from the client's side"
                    + " (libpq calls it requirepeer).",
            "`try (AFUNIXSocket c = AFUNIXSocket.connectTo(AFUNIXSocketAddress.of(socket))) {"
                    + " AFUNIXSocketCredentials p = c.getPeerCredentials(); return new Who(p.getPid(), p.getUid()); }`"})
class ListenerTest {

    @TempDir
    Path dir;

    @Test
    void postgresqlsSocketIsItsServers() throws Exception {
        try (OwnPostgres postgres = OwnPostgres.start()) {
            Path lock = postgres.socket().resolveSibling(postgres.socket().getFileName() + ".lock");
            long postmaster = Long.parseLong(Files.readAllLines(lock).getFirst().strip());
            long owner = ((Number) Files.getAttribute(postgres.cluster.data(), "unix:uid")).longValue();
            assertEquals(new Listener.Who(postmaster, owner), Listener.of(postgres.socket()));
        }
    }

    @Test
    void anImpostorsLockFileSaysNothing() throws Exception {
        Path socket = dir.resolve(".s.PGSQL.5432");
        // A lock file naming pid 1, as anyone who may write the directory can write one.
        Files.write(socket.resolveSibling(".s.PGSQL.5432.lock"), List.of("1", "/var/lib/postgresql/15/main"));
        try (AFUNIXServerSocket impostor = AFUNIXServerSocket.bindOn(AFUNIXSocketAddress.of(socket))) {
            Thread acceptor = Thread.ofPlatform().start(() -> {
                try (AFUNIXSocket connection = impostor.accept()) {
                    connection.getInputStream().read();
                } catch (Exception e) {
                    // the test ended
                }
            });
            assertEquals(new Listener.Who(ProcessHandle.current().pid(), ThisProcess.uid()), Listener.of(socket));
            impostor.close();
            acceptor.join(5000);
        }
    }
}
