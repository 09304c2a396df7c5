package uds.exercises.scmrights;

import java.io.IOException;
import java.nio.file.Path;

import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/** Two ends of a real stream connection, made through a socket file in dir. */
record Connected(AFUNIXSocket sender, AFUNIXSocket receiver) implements AutoCloseable {

    static Connected in(Path dir) throws IOException {
        Path path = dir.resolve("pair.sock");
        try (AFUNIXServerSocket server = AFUNIXServerSocket.bindOn(AFUNIXSocketAddress.of(path))) {
            AFUNIXSocket sender = AFUNIXSocket.connectTo(AFUNIXSocketAddress.of(path));
            AFUNIXSocket receiver = (AFUNIXSocket) server.accept();
            receiver.setSoTimeout(2000);
            return new Connected(sender, receiver);
        }
    }

    @Override
    public void close() throws IOException {
        sender.close();
        receiver.close();
    }
}
