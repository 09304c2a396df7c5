package uds.peercred;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uds.support.ServerLimits;
import uds.support.ThisProcess;

/** The server and the client in one JVM, over a real socket. Other processes and users: *IT. */
class PeerCredServerTest {

    @TempDir
    Path dir;

    private PeerCredServer server;

    @AfterEach
    void closeServer() {
        if (server != null) {
            server.close();
        }
    }

    private Path startServer(AllowList allowList) throws IOException {
        Path socket = dir.resolve("peercred.sock");
        server = PeerCredServer.bind(socket, allowList, new PrintStream(OutputStream.nullOutputStream()));
        Thread.ofPlatform().daemon().start(() -> {
            try {
                server.serve(ServerLimits.DEFAULT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return socket;
    }

    private static String me() throws IOException {
        return "pid=" + ProcessHandle.current().pid() + " " + ThisProcess.ids();
    }

    @Test
    void answersWithThePeersCredentials() throws IOException {
        Path socket = startServer(AllowList.EVERYONE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PeerCredClient.run(socket, new PrintStream(out, true, StandardCharsets.UTF_8));
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals("peer " + me(), lines[0]);
        assertTrue(lines[1].startsWith("server user="), lines[1]);
    }

    @Test
    void deniesAPeerNotOnTheListAndKeepsServing() throws IOException {
        long nobodyElse = 4000000000L;
        Path socket = startServer(new AllowList(Set.of(nobodyElse), Set.of()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var e = assertThrows(IOException.class,
                () -> PeerCredClient.run(socket, new PrintStream(out, true, StandardCharsets.UTF_8)));
        assertEquals("the server does not admit this user (not on its allow list)", e.getMessage());
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("denied uid="), out.toString(StandardCharsets.UTF_8));
        // Asked again, the server answers again (a dead server would fail the connect instead).
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        var second = assertThrows(IOException.class,
                () -> PeerCredClient.run(socket, new PrintStream(again, true, StandardCharsets.UTF_8)));
        assertEquals("the server does not admit this user (not on its allow list)", second.getMessage());
        assertTrue(again.toString(StandardCharsets.UTF_8).startsWith("denied uid="), "the server still answers");
    }

    @Test
    void refusesAPathThatExists() throws IOException {
        Path file = Files.writeString(dir.resolve("taken"), "precious");
        var e = assertThrows(IOException.class,
                () -> PeerCredServer.bind(file, AllowList.EVERYONE, new PrintStream(OutputStream.nullOutputStream())));
        assertTrue(e.getMessage().startsWith(file + " already exists"), e.getMessage());
        assertEquals("precious", Files.readString(file));
    }

    @Test
    void closingRemovesTheSocketFile() throws IOException {
        Path socket = startServer(AllowList.EVERYONE);
        server.close();
        assertTrue(Files.notExists(socket));
    }
}
