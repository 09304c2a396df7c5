package uds.exercises.abstractnamespace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

import uds.support.ThisProcess;
import uds.support.testing.Exercise;

@Exercise(id = "02.2", title = "Refuse a server run by the wrong user", step = "Step 3: check who answers",
        file = "CheckedClient.java",
        statement = "`connect(address, expectedUid)` must hand back the connection only if the server runs as"
                + " `expectedUid`; otherwise close it without sending a byte and throw an `IOException`.",
        hints = {
            "junixsocket tells the client who the server is: `socket.getPeerCredentials().getUid()`.",
            "uid_t is unsigned and junixsocket sign-extends it: compare `Integer.toUnsignedLong((int) uid)`.",
            "Close the socket before you throw, so the squatter sees the connection end with nothing in it."})
class CheckedClientTest {

    /** A server that counts what it receives on one connection. */
    private static CompletableFuture<Integer> bytesReceived(AFUNIXServerSocket server) {
        return CompletableFuture.supplyAsync(() -> {
            try (Socket connection = server.accept(); InputStream in = connection.getInputStream()) {
                connection.setSoTimeout(10_000);
                return in.readAllBytes().length;
            } catch (IOException e) {
                return -1;
            }
        }, task -> Thread.ofPlatform().daemon().start(task)); // not the common pool: one thread on 2 cores
    }

    private static AFUNIXSocketAddress freshName() throws IOException {
        return AFUNIXSocketAddress.inAbstractNamespace("uds-exercise-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
    }

    @Test
    void theExpectedServerGetsTheMessage() throws Exception {
        AFUNIXSocketAddress address = freshName();
        try (AFUNIXServerSocket server = AFUNIXServerSocket.newInstance()) {
            server.bind(address);
            CompletableFuture<Integer> received = bytesReceived(server);
            try (AFUNIXSocket client = CheckedClient.connect(address, ThisProcess.uid())) {
                client.getOutputStream().write("hello".getBytes());
            }
            assertEquals(5, received.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void aServerRunBySomeoneElseIsRefusedBeforeAByteIsSent() throws Exception {
        AFUNIXSocketAddress address = freshName();
        try (AFUNIXServerSocket server = AFUNIXServerSocket.newInstance()) {
            server.bind(address);
            CompletableFuture<Integer> received = bytesReceived(server);
            long someoneElse = ThisProcess.uid() == 0 ? 65534 : 0;
            assertThrows(IOException.class, () -> {
                try (AFUNIXSocket client = CheckedClient.connect(address, someoneElse)) {
                    client.getOutputStream().write("secret".getBytes());
                }
            });
            assertEquals(0, received.get(10, TimeUnit.SECONDS), "the squatter got nothing");
        }
    }
}
