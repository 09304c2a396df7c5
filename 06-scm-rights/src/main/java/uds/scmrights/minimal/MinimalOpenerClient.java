// The smallest descriptor-passing client (lesson 06): connect, read the server's line
// and the open descriptor that came with it, and print the file through that descriptor.
// It never opens the file by name. Needs junixsocket. Its partner: MinimalOpenerServer.
//
// It leaves out what step 5 adds: a check that the descriptor is a regular file (a
// hostile server could send a FIFO that never ends, or a socket), and that no more than
// one came.
package uds.scmrights.minimal;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Path;

import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

public class MinimalOpenerClient {

    public static void main(String[] args) throws IOException {
        Path path = Path.of(args.length > 0 ? args[0] : "opener.sock");
        try (AFUNIXSocket server = AFUNIXSocket.connectTo(AFUNIXSocketAddress.of(path))) {
            // 0 bytes until set: the kernel would drop the descriptor, and say nothing.
            server.setAncillaryReceiveBufferSize(256);
            var in = new BufferedReader(
                    new InputStreamReader(server.getInputStream(), UTF_8));
            String line = in.readLine();
            // The descriptors that came with the bytes read so far.
            FileDescriptor[] received = server.getReceivedFileDescriptors();
            boolean one = received != null && received.length == 1;
            if (line == null || !line.startsWith("OK ") || !one) {
                throw new IOException("expected OK and one descriptor, got " + line);
            }
            System.err.println(line);
            try (FileInputStream file = new FileInputStream(received[0])) {
                System.out.write(file.readAllBytes());
                System.out.flush();
            }
        }
    }
}
