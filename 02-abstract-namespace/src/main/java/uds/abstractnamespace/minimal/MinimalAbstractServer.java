// The smallest abstract-name server (lesson 02): bind a name that starts with a NUL
// byte, so there is no file at all, accept, echo one line per client. Needs junixsocket:
// the JDK's UnixDomainSocketAddress cannot name an abstract socket. Its partner:
// MinimalAbstractClient.
//
// It leaves out what the lesson's steps add: nothing stands between any local user and
// this name (no file, so no permissions: step 3's client checks who answers), a name
// someone else holds fails at bind (step 2 says who holds it), one client at a time with
// no bound on time or bytes (the hardened server's AcceptLoop).
package uds.abstractnamespace.minimal;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.Socket;

import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

public class MinimalAbstractServer {

    public static void main(String[] args) throws IOException {
        String name = args.length > 0 ? args[0] : "uds-minimal-echo";
        try (AFUNIXServerSocket server = AFUNIXServerSocket.newInstance()) {
            // "\0" + name, as the kernel sees it; gone the moment the socket closes.
            server.bind(AFUNIXSocketAddress.inAbstractNamespace(name));
            System.out.println("listening on @" + name + " (ss -xl lists it; no file)");
            while (true) {
                try (Socket client = server.accept()) {
                    echoOneLine(client);
                } catch (IOException e) {
                    // One client's trouble, not the server's.
                    System.err.println("client failed: " + e);
                }
            }
        }
    }

    private static void echoOneLine(Socket client) throws IOException {
        var in = new BufferedReader(
                new InputStreamReader(client.getInputStream(), UTF_8));
        String line = in.readLine();
        if (line != null) {
            // Control characters shown as ?: a peer's bytes must not drive our terminal.
            System.out.println("received: " + line.replaceAll("\\p{Cc}", "?"));
            new PrintStream(client.getOutputStream(), true, UTF_8).println(line);
        }
    }
}
