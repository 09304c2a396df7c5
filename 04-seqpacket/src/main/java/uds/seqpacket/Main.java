package uds.seqpacket;

import java.util.LinkedHashSet;
import java.util.OptionalLong;
import java.util.Set;

import uds.seqpacket.minimal.MinimalSeqpacketClient;
import uds.seqpacket.minimal.MinimalSeqpacketServer;
import uds.support.Arguments;
import uds.support.CommandLine;
import uds.support.ExpectedServer;
import uds.support.LessonJar;
import uds.support.Options;
import uds.support.ServerLimits;
import uds.support.UsageException;
import uds.support.UserDatabase;

/**
 * Lesson 04 on the command line: {@code server}, {@code client} and {@code demo}.
 * This class only parses arguments. Exit code 1 also means a request was answered ERR.
 */
public final class Main {

    static final String USAGE = """
            usage: java -jar 04-seqpacket.jar COMMAND [OPTIONS]

            SOCK_SEQPACKET: a privileged update server. Each request is one datagram on a connection,
            and only the users on the allow list (checked with SO_PEERCRED) may send any.

            commands:
              minimal-server [PATH]  the smallest server: answer each datagram with one
                                     (default: seqpacket.sock here)
              minimal-client [PATH] [MESSAGE...]
                                     the smallest client: send each MESSAGE as one
                                     datagram, print each reply
              server --socket PATH --config FILE [--allow-user USER]... [LIMITS]
                                     serve requests until Ctrl-C; FILE holds key=value lines and
                                     is rewritten atomically on every change; the allow list
                                     defaults to the user running the server. FILE and every
                                     directory above it must be writable by no other user
                                     (a sticky directory such as /tmp may be above it)
              client --socket PATH [--expect-user USER | --expect-uid UID] [--] REQUEST...
                                     send each REQUEST as one datagram, print each reply;
                                     with --expect-*, first check who runs the server
              demo                   narrated tour: server and clients as separate processes

            client options:
            """ + ExpectedServer.USAGE + """

            LIMITS (what one client may cost the server):
            """ + ServerLimits.USAGE + """
              requests longer than 4096 bytes are answered ERR too large

            requests and replies:
              SET key value   ->  OK
              GET key         ->  VALUE value
              DEL key         ->  OK
              anything wrong  ->  ERR reason      (keys: 1 to 64 of A-Z a-z 0-9 _ . -)

            exit codes: 0 ok, 1 failed or a request got ERR (see the error line), 2 bad command line
            """;

    public static void main(String[] args) {
        new CommandLine("04-seqpacket.jar", USAGE)
                .command("minimal-server", Options.none().andOperands(),
                        arguments -> MinimalSeqpacketServer.main(arguments.operands().toArray(String[]::new)))
                .command("minimal-client", Options.none().andOperands(),
                        arguments -> MinimalSeqpacketClient.main(arguments.operands().toArray(String[]::new)))
                .command("server", Options.values("--socket", "--config", "--allow-user", "--max-connections", "--max-per-user",
                        "--idle-timeout"), Main::server)
                .command("client", Options.values("--socket", "--expect-user", "--expect-uid").andOperands(), Main::client)
                .command("demo", Options.none(), arguments -> Demo.run(LessonJar.containing(Main.class), System.out))
                .main(args);
    }

    private static void server(Arguments arguments) throws Exception {
        Set<Long> allowed = new LinkedHashSet<>();
        for (String user : arguments.values("--allow-user")) {
            OptionalLong uid = UserDatabase.uidOf(user);
            if (uid.isEmpty()) {
                throw new UsageException("--allow-user: no user named " + user);
            }
            allowed.add(uid.getAsLong());
        }
        UpdateServer.run(arguments.requiredPath("--socket"), arguments.requiredPath("--config"), Set.copyOf(allowed),
                ServerLimits.from(arguments), System.out);
    }

    private static void client(Arguments arguments) throws Exception {
        if (arguments.operands().isEmpty()) {
            throw new UsageException("client needs at least one REQUEST");
        }
        UpdateClient.run(arguments.requiredPath("--socket"), ExpectedServer.from(arguments).orElse(null),
                arguments.operands(), System.out);
    }

    private Main() {
    }
}
