// The smallest path-socket server (lesson 01): bind a file name, accept, echo one line
// per client. JDK only: java MinimalEchoServer.java [PATH] runs it with no build. Its
// partner: MinimalEchoClient.
//
// It leaves out what the lesson's steps add: a stale file left by a crash makes bind
// fail here (step 2 removes it safely, never a live server's); anyone who may write the
// file may connect (step 3: chmod and a private directory); a path over 107 bytes fails
// (step 4); one client at a time, with no bound on time or bytes (the hardened server's
// AcceptLoop).
package uds.pathsocket.minimal;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

public class MinimalEchoServer {

    public static void main(String[] args) throws IOException {
        Path path = Path.of(args.length > 0 ? args[0] : "echo.sock");
        try (var server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            // bind creates the file; it fails if any file has that name already.
            server.bind(UnixDomainSocketAddress.of(path));
            // The file outlives the socket: remove it on Ctrl-C or kill (not kill -9).
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    System.err.println("could not remove " + path + ": " + e);
                }
            }));
            System.out.println("listening on " + path);
            while (true) {
                try (SocketChannel client = server.accept()) {
                    echoOneLine(client);
                } catch (IOException e) {
                    // One client's trouble, not the server's.
                    System.err.println("client failed: " + e);
                }
            }
        }
    }

    private static void echoOneLine(SocketChannel client) throws IOException {
        BufferedReader in = new BufferedReader(
                new InputStreamReader(Channels.newInputStream(client), UTF_8));
        String line = in.readLine();
        if (line != null) {
            // Control characters shown as ?: a peer's bytes must not drive our terminal.
            System.out.println("received: " + line.replaceAll("\\p{Cc}", "?"));
            new PrintStream(Channels.newOutputStream(client), true, UTF_8).println(line);
        }
    }
}
