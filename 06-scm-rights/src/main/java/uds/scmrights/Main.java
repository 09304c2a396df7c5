package uds.scmrights;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

import uds.scmrights.minimal.MinimalOpenerClient;
import uds.scmrights.minimal.MinimalOpenerServer;
import uds.support.Arguments;
import uds.support.CommandLine;
import uds.support.ExpectedServer;
import uds.support.LessonJar;
import uds.support.Options;
import uds.support.Printable;
import uds.support.ServerLimits;
import uds.support.UsageException;

/**
 * Lesson 06 on the command line: {@code server}, {@code client} and {@code demo}.
 * This class only parses arguments.
 */
public final class Main {

    static final String USAGE = """
            usage: java -jar 06-scm-rights.jar COMMAND [OPTIONS]

            SCM_RIGHTS: a privileged opener hands a client an open file it could not open itself.

            commands:
              minimal-server [PATH] [FILE]
                           the smallest opener: hand every client an open descriptor of
                           FILE (default: opener.sock here, /etc/hostname)
              minimal-client [PATH]
                           the smallest client: print the file through the descriptor
              server --socket PATH --allow-file FILE... [--allow-user USER]... [LIMITS]
                           open an allowed file for an allowed user and send the open
                           descriptor; log one line per request; serve until Ctrl-C
              client --socket PATH [--raw] [--expect-user USER | --expect-uid UID] [--] FILE
                           ask for FILE, then copy it to stdout, read through the
                           descriptor received; a refusal is one error line, exit 1
              demo         narrated tour: the opener and its clients as separate processes

            options:
              --socket PATH       the opener's socket file (it must not exist yet)
              --allow-file FILE   a file the opener may hand out: an absolute path, matched
                                  exactly, opened only if no symbolic link is on the way; may be repeated
              --allow-user USER   a user (name or uid) who may ask; may be repeated; none: every user
              --raw               client: recvmsg through FFM instead of junixsocket's API
            """ + ExpectedServer.USAGE + """
              --help              show this help

            LIMITS (what one client may cost the server):
            """ + ServerLimits.USAGE + """

            exit codes: 0 ok, 1 failed or refused (see the error line), 2 bad command line
            """;

    public static void main(String[] args) {
        new CommandLine("06-scm-rights.jar", USAGE)
                .command("minimal-server", Options.none().andOperands(),
                        arguments -> MinimalOpenerServer.main(arguments.operands().toArray(String[]::new)))
                .command("minimal-client", Options.none().andOperands(),
                        arguments -> MinimalOpenerClient.main(arguments.operands().toArray(String[]::new)))
                .command("server", Options.values("--socket", "--allow-file", "--allow-user", "--max-connections", "--max-per-user",
                        "--idle-timeout"), Main::server)
                .command("client", Options.values("--socket", "--expect-user", "--expect-uid").andFlags("--raw")
                        .andOperands(), Main::client)
                .command("demo", Options.none(), arguments -> Demo.run(LessonJar.containing(Main.class), System.out))
                .main(args);
    }

    private static void server(Arguments arguments) throws Exception {
        if (arguments.values("--allow-file").isEmpty()) {
            throw new UsageException("server needs at least one --allow-file FILE");
        }
        Set<Path> files = new LinkedHashSet<>();
        for (String file : arguments.values("--allow-file")) {
            Path path;
            try {
                path = Path.of(file);
            } catch (InvalidPathException e) {
                throw new UsageException("--allow-file: not a path: " + Printable.line(file));
            }
            if (!path.isAbsolute() || !path.normalize().equals(path)) {
                throw new UsageException("--allow-file takes an absolute path without . or .., not " + file);
            }
            files.add(path);
        }
        Set<Long> uids = new LinkedHashSet<>();
        for (String user : arguments.values("--allow-user")) {
            uids.add(Arguments.user("--allow-user", user));
        }
        Opener.run(arguments.requiredPath("--socket"), new AllowList(files, uids), ServerLimits.from(arguments), System.out);
    }

    private static void client(Arguments arguments) throws Exception {
        if (arguments.operands().size() != 1) {
            throw new UsageException("client needs exactly one FILE");
        }
        FileClient.run(arguments.requiredPath("--socket"), Path.of(arguments.operands().get(0)),
                ExpectedServer.from(arguments).orElse(null), arguments.flag("--raw"), System.out);
    }

    private Main() {
    }
}
