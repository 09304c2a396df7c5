package uds.exercises.seqpacket;

import java.io.IOException;
import java.nio.file.Path;

import org.newsclub.net.unix.AFSocketType;
import org.newsclub.net.unix.AFUNIXDatagramSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/** A real SOCK_SEQPACKET connection for the tests: a client end and the server's accepted end. */
record SeqpacketPair(AFUNIXDatagramSocket client, AFUNIXDatagramSocket server) implements AutoCloseable {

    static SeqpacketPair open(Path path) throws IOException {
        try (AFUNIXDatagramSocket listener = AFUNIXDatagramSocket.newInstance(AFSocketType.SOCK_SEQPACKET)) {
            listener.bind(AFUNIXSocketAddress.of(path));
            listener.listen(1);
            AFUNIXDatagramSocket client = AFUNIXDatagramSocket.newInstance(AFSocketType.SOCK_SEQPACKET);
            client.connect(AFUNIXSocketAddress.of(path));
            return new SeqpacketPair(client, (AFUNIXDatagramSocket) listener.accept());
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
        server.close();
    }
}
