package uds.peercred;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

import uds.support.ConnectFailure;

/**
 * The client of lesson 03 (its partner: {@link PeerCredServer}), with the JDK alone: it prints
 * what the server saw of it, then what it sees of the server. SO_PEERCRED works both ways.
 */
final class PeerCredClient {

    /** Prints the server's answer and the server's identity; fails when the server denied us. */
    static void run(Path socket, PrintStream out) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            try {
                channel.connect(UnixDomainSocketAddress.of(socket));
            } catch (IOException e) {
                throw ConnectFailure.explain(socket, e);
            }
            // tag::jdk-view[]
            // The JDK's view: user and group names (the numbers, if the database has no name), no pid.
            UnixDomainPrincipal server = channel.getOption(ExtendedSocketOptions.SO_PEERCRED);
            // end::jdk-view[]
            BufferedReader in = new BufferedReader(Channels.newReader(channel, StandardCharsets.UTF_8));
            String answer = in.readLine();
            if (answer == null) {
                throw new IOException("the server hung up without an answer");
            }
            out.println(answer);
            out.println("server user=" + server.user().getName() + " group=" + server.group().getName());
            if (answer.startsWith("denied")) {
                throw new IOException("the server does not admit this user (not on its allow list)");
            }
        }
    }

    private PeerCredClient() {
    }
}
