package uds.datagram.minimal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * The smallest datagram client: sends each message as one datagram to the socket at a
 * path. No connection and no reply: a datagram goes to an address, as a letter does. Its
 * partner: MinimalLogServer.
 */
public final class MinimalLogClient {

    public static void main(String[] args) throws IOException {
        Path path = Path.of(args.length > 0 ? args[0] : "log.sock");
        List<String> messages = args.length > 1
                ? Arrays.asList(args).subList(1, args.length)
                : List.of("the disk is almost full", "the disk is full");
        AFUNIXSocketAddress server = AFUNIXSocketAddress.of(path);
        try (AFUNIXDatagramChannel socket = AFUNIXDatagramChannel.open()) {
            for (String message : messages) {
                // One send, one datagram: the server receives these bytes in one piece.
                socket.send(StandardCharsets.UTF_8.encode(message), server);
            }
            System.out.println("sent " + messages.size() + " datagrams to " + path);
        }
    }

    private MinimalLogClient() {
    }
}
