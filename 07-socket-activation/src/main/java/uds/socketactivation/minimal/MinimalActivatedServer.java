// The smallest socket-activated server (lesson 07): it creates no socket. The service
// manager made one, listens on it, and starts this program when the first client
// connects, with the listening socket at descriptor 3 and LISTEN_PID/LISTEN_FDS saying
// so (sd_listen_fds(3)). Needs junixsocket: the JDK can adopt descriptor 0 only. Run it
// under a service manager:
//   systemd-socket-activate -l "$PWD/echo.sock" \
//       java -jar 07-socket-activation.jar minimal-server
// Its partner: MinimalActivatedClient.
//
// It leaves out what the lesson's steps add: a check that descriptor 3 is really a
// listening AF_UNIX socket of the right type, and close-on-exec for it (step 2), one
// process per connection (step 4, inetd style), SOCK_SEQPACKET (step 5), and any bound
// on clients.
package uds.socketactivation.minimal;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;

import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.FileDescriptorCast;

public class MinimalActivatedServer {

    public static void main(String[] args) throws IOException {
        // Inherited variables are meant for us only if LISTEN_PID is our own pid.
        String pid = System.getenv("LISTEN_PID");
        String count = System.getenv("LISTEN_FDS");
        boolean ours = String.valueOf(ProcessHandle.current().pid()).equals(pid);
        if (!ours || count == null || Integer.parseInt(count) < 1) {
            throw new IOException("not socket-activated (LISTEN_PID, LISTEN_FDS): start"
                    + " me with systemd-socket-activate -l PATH java -jar"
                    + " 07-socket-activation.jar minimal-server");
        }
        var server = FileDescriptorCast.unsafeUsing(3).as(AFUNIXServerSocket.class);
        server.setDeleteOnClose(false); // the socket file is the service manager's
        System.out.println("serving on descriptor 3, passed by the service manager");
        while (true) {
            try (AFUNIXSocket client = server.accept()) {
                var out = new PrintStream(client.getOutputStream(), true, UTF_8);
                long me = ProcessHandle.current().pid();
                out.println("hello from pid " + me + ", started for you");
                var in = new BufferedReader(
                        new InputStreamReader(client.getInputStream(), UTF_8));
                String line = in.readLine();
                if (line != null) {
                    out.println(line);
                }
            } catch (IOException e) {
                // One client's trouble, not the server's.
                System.err.println("client failed: " + e);
            }
        }
    }
}
