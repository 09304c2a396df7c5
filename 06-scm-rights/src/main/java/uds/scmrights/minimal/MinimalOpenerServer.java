// The smallest descriptor-passing server (lesson 06): it opens one file itself and hands
// each client the open descriptor (SCM_RIGHTS), riding on a line of text. Run it as a
// user who may read the file, and a client who may not still reads it: the descriptor
// carries the right to read, not the path. Needs junixsocket (the JDK cannot pass
// descriptors). Its partner: MinimalOpenerClient.
//
// It leaves out what the lesson's steps add: who may ask (step 1: SO_PEERCRED and an
// allow list; here anyone who can write the socket file, which junixsocket makes 0666),
// which file (an exact list, opened with no symbolic link on the way), and refusing
// descriptors a client sends in return (SO_PASSRIGHTS).
package uds.scmrights.minimal;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

public class MinimalOpenerServer {

    public static void main(String[] args) throws IOException {
        Path path = Path.of(args.length > 0 ? args[0] : "opener.sock");
        Path file = Path.of(args.length > 1 ? args[1] : "/etc/hostname");
        try (AFUNIXServerSocket server = AFUNIXServerSocket.newInstance()) {
            server.bind(AFUNIXSocketAddress.of(path));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    // junixsocket removes it on close, and a stop is no close.
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    System.err.println("could not remove " + path + ": " + e);
                }
            }));
            System.out.println("handing out " + file + " on " + path);
            while (true) {
                try (AFUNIXSocket client = server.accept();
                     FileInputStream opened = new FileInputStream(file.toFile())) {
                    // Sent with the next write. The kernel holds its own reference in
                    // flight, so ours is closed at once and the file stays open.
                    client.setOutboundFileDescriptors(opened.getFD());
                    client.getOutputStream().write(("OK " + file + "\n").getBytes(UTF_8));
                    System.out.println("handed " + file + " to a client");
                } catch (IOException e) {
                    // One client's trouble, not the server's.
                    System.err.println("client failed: " + e);
                }
            }
        }
    }
}
