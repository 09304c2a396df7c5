package uds.peercred;

import java.util.LinkedHashSet;
import java.util.Set;

import uds.peercred.minimal.MinimalPeerCredClient;
import uds.peercred.minimal.MinimalPeerCredServer;
import uds.support.Arguments;
import uds.support.CommandLine;
import uds.support.LessonJar;
import uds.support.Options;
import uds.support.ServerLimits;

/**
 * Lesson 03 on the command line: {@code server}, {@code client} and {@code demo}.
 * This class only parses arguments.
 */
public final class Main {

    static final String USAGE = """
            usage: java -jar 03-peercred.jar COMMAND [OPTIONS]

            SO_PEERCRED: the kernel tells a server the pid, uid and gid of the process that connected.

            commands:
              minimal-server [PATH]  the smallest server: tell each client who the
                                     kernel says it is (default: peercred.sock here)
              minimal-client [PATH]  the smallest client: print what it is told
              server --socket PATH [--allow-user USER]... [--allow-group GROUP]...
                                     [--max-connections N] [--max-per-user N]
                                     answer each connection with one line,
                                     "peer pid=.. uid=..(user) gid=..(group)", or "denied uid=..(user)"
                                     for a peer on neither list; serve until Ctrl-C
              client --socket PATH   connect, print the server's answer, then the server's own
                                     user and group as the client sees them
              demo                   narrated tour: servers and clients as separate processes

            options:
              --socket PATH        the socket file (it must not exist yet)
              --allow-user USER    admit this user (name or uid); may be repeated
              --allow-group GROUP  admit peers whose group is GROUP (name or gid); may be repeated
              --max-connections N  connections answered at once; more are refused (default 256)
              --max-per-user N     connections one user may have answered at once (default: a
                                   quarter of --max-connections)
              --help               show this help

            exit codes: 0 ok, 1 failed or denied (see the error line), 2 bad command line
            """;

    public static void main(String[] args) {
        new CommandLine("03-peercred.jar", USAGE)
                .command("minimal-server", Options.none().andOperands(),
                        arguments -> MinimalPeerCredServer.main(arguments.operands().toArray(String[]::new)))
                .command("minimal-client", Options.none().andOperands(),
                        arguments -> MinimalPeerCredClient.main(arguments.operands().toArray(String[]::new)))
                .command("server", Options.values("--socket", "--allow-user", "--allow-group", "--max-connections", "--max-per-user"), Main::server)
                .command("client", Options.values("--socket"),
                        arguments -> PeerCredClient.run(arguments.requiredPath("--socket"), System.out))
                .command("demo", Options.none(), arguments -> Demo.run(LessonJar.containing(Main.class), System.out))
                .main(args);
    }

    private static void server(Arguments arguments) throws Exception {
        Set<Long> uids = new LinkedHashSet<>();
        for (String user : arguments.values("--allow-user")) {
            uids.add(Arguments.user("--allow-user", user));
        }
        Set<Long> gids = new LinkedHashSet<>();
        for (String group : arguments.values("--allow-group")) {
            gids.add(Arguments.group("--allow-group", group));
        }
        PeerCredServer.run(arguments.requiredPath("--socket"), new AllowList(Set.copyOf(uids), Set.copyOf(gids)),
                ServerLimits.from(arguments), System.out);
    }

    private Main() {
    }
}
