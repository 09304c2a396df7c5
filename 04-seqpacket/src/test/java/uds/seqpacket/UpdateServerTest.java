package uds.seqpacket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uds.support.ServerLimits;
import uds.support.ThisProcess;
import uds.support.testing.Commands;

/** The server and the client in one JVM, over a real SEQPACKET socket. Processes and users: *IT. */
class UpdateServerTest {

    private static final String PYTHON = "/usr/bin/python3";

    @TempDir
    Path dir;

    private UpdateServer server;

    @AfterEach
    void closeServer() {
        if (server != null) {
            server.close();
        }
    }

    private Path startServer(Set<Long> allowed) throws IOException {
        Path socket = dir.resolve("update.sock");
        server = UpdateServer.start(socket, dir.resolve("settings.conf"), allowed, ServerLimits.DEFAULT,
                new PrintStream(OutputStream.nullOutputStream()));
        Thread.ofPlatform().daemon().start(() -> {
            try {
                server.serve();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return socket;
    }

    private Path startServerForMe() throws IOException {
        return startServer(Set.of(ThisProcess.uid()));
    }

    @Test
    void answersEachRequestOnOneConnection() throws IOException {
        try (UpdateClient client = UpdateClient.connect(startServerForMe())) {
            assertEquals("ERR no such key", client.request("GET colour"));
            assertEquals("OK", client.request("SET colour blue"));
            assertEquals("VALUE blue", client.request("GET colour"));
            assertEquals("OK", client.request("DEL colour"));
            assertEquals("ERR no such key", client.request("DEL colour"));
        }
        assertEquals(List.of(), Files.readAllLines(dir.resolve("settings.conf")));
    }

    // tag::bad-input[]
    @Test
    void badRequestsGetErrAndTheConnectionGoesOn() throws IOException {
        try (UpdateClient client = UpdateClient.connect(startServerForMe())) {
            assertEquals("OK", client.request("SET colour blue"));
            assertEquals("ERR too large", client.request("SET big " + "x".repeat(UpdateServer.MAX_REQUEST)));
            assertEquals("ERR too large", client.request(new byte[200_000]));
            assertEquals("ERR bad value: no newline, carriage return or NUL", client.request("SET motd hi\nadmin=yes"));
            assertEquals("ERR unknown command (SET, GET or DEL)", client.request("FLY me"));
            assertEquals("ERR not UTF-8", client.request(new byte[] {'G', 'E', 'T', ' ', (byte) 0xc3}));
            assertEquals("VALUE blue", client.request("GET colour"));
        }
        assertEquals(List.of("colour=blue"), Files.readAllLines(dir.resolve("settings.conf")));
    }
    // end::bad-input[]

    // tag::empty[]
    /**
     * recv() returns 0 for an empty datagram and at the end of the stream alike. Here a peer
     * sends an empty datagram, then requests behind it, the last one empty too, then hangs up
     * before reading a reply: every request is still answered, the empty ones with ERR. (The
     * last one is the hard case: by the time it is read the peer has hung up, and it counts 0
     * bytes in FIONREAD, so only its credentials say it is a datagram.)
     */
    @Test
    void anEmptyDatagramIsARequestNotTheEndOfTheStream() throws Exception {
        assumeTrue(Files.isExecutable(Path.of(PYTHON)), "needs " + PYTHON + " to send an empty datagram");
        Path socket = startServerForMe();
        String peer = """
                import socket, sys
                s = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET)
                s.connect(sys.argv[1])
                for request in [b"", b"SET colour blue", b"", b"GET colour", b""]:
                    s.send(request)
                s.shutdown(socket.SHUT_WR)  # hung up: no more requests will come
                while reply := s.recv(100):
                    print(reply.decode())
                """;
        Commands.Result result = Commands.run(List.of(PYTHON, "-c", peer, socket.toString()));
        assertEquals(new Commands.Result(0, "ERR empty request\nOK\nERR empty request\nVALUE blue\nERR empty request\n", ""),
                result);
    }
    // end::empty[]

    @Test
    void aRequestOfExactlyTheLimitIsAccepted() throws IOException {
        String request = "SET big ";
        String value = "x".repeat(UpdateServer.MAX_REQUEST - request.length());
        try (UpdateClient client = UpdateClient.connect(startServerForMe())) {
            assertEquals("OK", client.request(request + value));
            assertEquals("VALUE " + value, client.request("GET big"));
        }
    }

    @Test
    void aUserNotOnTheListIsRefusedBeforeAnythingIsRead() throws IOException {
        try (UpdateClient client = UpdateClient.connect(startServer(Set.of(4000000000L)))) {
            assertEquals("ERR not authorized", client.request("SET colour black"));
            assertThrows(IOException.class, () -> client.request("GET colour"), "disconnected");
        }
        assertEquals(false, Files.exists(dir.resolve("settings.conf")), "nothing was written");
    }

    @Test
    void closingRemovesTheSocketFile() throws IOException {
        Path socket = startServerForMe();
        server.close();
        assertEquals(false, Files.exists(socket));
    }
}
