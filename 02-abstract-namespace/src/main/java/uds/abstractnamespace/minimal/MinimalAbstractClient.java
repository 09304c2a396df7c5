// The smallest abstract-name client (lesson 02): connect to a name with no file behind
// it, send one line, print the reply. Its partner: MinimalAbstractServer.
//
// It leaves out what step 3 adds: any local user can bind the name first, and this
// client would talk to them. The lesson's client asks the kernel who the server is
// (SO_PEERCRED) before it sends a byte.
package uds.abstractnamespace.minimal;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;

import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

public class MinimalAbstractClient {

    public static void main(String[] args) throws IOException {
        String name = args.length > 0 ? args[0] : "uds-minimal-echo";
        String message = args.length > 1 ? args[1] : "hello";
        var address = AFUNIXSocketAddress.inAbstractNamespace(name);
        try (AFUNIXSocket server = AFUNIXSocket.connectTo(address)) {
            new PrintStream(server.getOutputStream(), true, UTF_8).println(message);
            var in = new BufferedReader(
                    new InputStreamReader(server.getInputStream(), UTF_8));
            String reply = in.readLine();
            if (reply == null) {
                throw new IOException("the server closed the connection without a reply");
            }
            System.out.println(reply);
        }
    }
}
