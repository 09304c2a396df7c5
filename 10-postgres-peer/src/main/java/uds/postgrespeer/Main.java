package uds.postgrespeer;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import uds.postgrespeer.minimal.MinimalQuery;
import uds.support.Arguments;
import uds.support.CommandLine;
import uds.support.LessonJar;
import uds.support.Options;
import uds.support.ThisProcess;
import uds.support.UsageException;

/**
 * Lesson 10 on the command line: the smallest program, {@code postgres} (a server of the
 * lesson's own) and {@code query}. This class only parses arguments.
 */
public final class Main {

    static final String USAGE = """
            usage: java -jar 10-postgres-peer.jar COMMAND [OPTIONS]

            JDBC over PostgreSQL's Unix socket with peer authentication: no password, the
            kernel says which OS user connects (SO_PEERCRED) and PostgreSQL lets it in as the
            role of the same name.

            commands:
              minimal [DIR]          the smallest program: log in over the socket in DIR
                                     (default: /var/run/postgresql) as this OS user's role
              postgres --dir DIR [--socket-mode OCTAL]
                                     start a PostgreSQL server of the lesson's own in DIR (new
                                     or empty), no TCP, peer authentication, until Ctrl-C; as
                                     root it runs as the user postgres. --socket-mode: the
                                     socket file's mode (default 0777, PostgreSQL's)
              query --socket-dir DIR [--port N] [--database DB] [--user ROLE] SQL
                                     run SQL over the socket DIR/.s.PGSQL.N (N: 5432) in DB
                                     (default: postgres) as ROLE (default: this OS user's
                                     name), with no password; print the rows

              demo                   narrated tour: a real server and its callers as separate processes

            exit codes: 0 ok, 1 refused or failed (see the error line), 2 bad command line
            """;

    /** What PostgreSQL takes as a name without quoting, and the hyphen of www-data. */
    private static final String NAME = "[A-Za-z_][A-Za-z0-9_$-]{0,62}";

    public static void main(String[] args) {
        new CommandLine("10-postgres-peer.jar", USAGE)
                .command("minimal", Options.none().andOperands(), Main::minimal)
                .command("postgres", Options.values("--dir", "--socket-mode"), arguments -> PostgresCommand.run(
                        arguments.requiredPath("--dir"), arguments.mode("--socket-mode").orElse(0777), System.out))
                .command("query", Options.values("--socket-dir", "--port", "--database", "--user").andOperands(),
                        Main::query)
                .command("demo", Options.none(), arguments -> Demo.run(LessonJar.containing(Main.class), System.out))
                .main(args);
    }

    /** The smallest program as it is, its failure said in one line as the query command says it. */
    private static void minimal(Arguments arguments) throws Exception {
        List<String> operands = arguments.operands();
        if (operands.size() > 1) {
            throw new UsageException("minimal takes at most one DIR");
        }
        try {
            MinimalQuery.main(operands.toArray(String[]::new));
        } catch (SQLException e) {
            Path dir = Path.of(operands.isEmpty() ? "/var/run/postgresql" : operands.getFirst());
            throw QueryCommand.explain(e, dir.resolve(".s.PGSQL.5432"), System.getProperty("user.name"));
        }
    }

    private static void query(Arguments arguments) throws Exception {
        List<String> operands = arguments.operands();
        if (operands.size() != 1) {
            throw new UsageException("query takes one SQL text (quote it)");
        }
        int port = arguments.count("--port", 1, 65535, 5432);
        Path socket = arguments.requiredPath("--socket-dir").resolve(".s.PGSQL." + port);
        String database = name(arguments, "--database").orElse("postgres");
        // Peer authentication's role: the OS user's own name, unless another is claimed.
        String role = name(arguments, "--user").orElseGet(ThisProcess::userName);
        QueryCommand.run(socket, database, role, operands.getFirst(), System.out);
    }

    private static Optional<String> name(Arguments arguments, String option) throws UsageException {
        Optional<String> name = arguments.value(option);
        if (name.isPresent() && !name.get().matches(NAME)) {
            throw new UsageException(option + " takes a name of letters, digits, _, $ and -, not " + name.get());
        }
        return name;
    }

    private Main() {
    }
}
