package uds.abstractnamespace;

import java.util.OptionalLong;

import uds.support.Arguments;
import uds.support.CommandLine;
import uds.support.LessonJar;
import uds.support.Options;
import uds.support.UsageException;
import uds.support.UserDatabase;

/**
 * Lesson 02 on the command line: {@code server}, {@code client}, {@code squat},
 * {@code autobind} and {@code demo}. This class only parses arguments.
 */
public final class Main {

    static final String DEFAULT_NAME = "uds-java-echo";

    static final String USAGE = """
            usage: java -jar 02-abstract-namespace.jar COMMAND [OPTIONS]

            A stream socket bound to a name in Linux's abstract namespace: no file, no permissions.

            commands:
              server [--name NAME]          serve echo on @NAME until Ctrl-C
              client [--name NAME] [--expect-user USER | --expect-uid UID] [--] [MESSAGE...]
                                            send each MESSAGE (or each stdin line), print each reply;
                                            with --expect-*, first check who runs the server
              squat [--name NAME]           hold @NAME like an impostor: echo, and show what came in
              autobind                      let the kernel choose a name, show it, release it
              demo                          narrated tour: servers and clients as separate processes

            options:
              --name NAME        the abstract name, without the leading NUL (default: uds-java-echo);
                                 encoded in UTF-8, at most 107 bytes
              --expect-user USER refuse a server not run by USER (checked with SO_PEERCRED)
              --expect-uid UID   the same, by number
              --                 what follows is messages, even if it starts with a dash
              --help             show this help

            exit codes: 0 ok, 1 failed (see the error line), 2 bad command line
            """;

    public static void main(String[] args) {
        new CommandLine("02-abstract-namespace.jar", USAGE)
                .command("server", Options.values("--name"), arguments -> EchoServer.run(name(arguments), System.out, false))
                .command("squat", Options.values("--name"), arguments -> EchoServer.run(name(arguments), System.out, true))
                .command("client", Options.values("--name", "--expect-user", "--expect-uid").andOperands(), Main::client)
                .command("autobind", Options.none(), arguments -> autobind())
                .command("demo", Options.none(), arguments -> Demo.run(LessonJar.containing(Main.class), System.out))
                .main(args);
    }

    private static void client(Arguments arguments) throws Exception {
        ExpectedServer expected = null;
        if (arguments.value("--expect-user").isPresent()) {
            expected = new ExpectedServer(uidOfUser(arguments.value("--expect-user").get()));
        }
        if (arguments.value("--expect-uid").isPresent()) {
            expected = new ExpectedServer(Arguments.id("--expect-uid", arguments.value("--expect-uid").get()));
        }
        EchoClient.run(name(arguments), expected, arguments.operands(), System.in, System.out);
    }

    private static void autobind() throws Exception {
        try (Autobind socket = Autobind.listen()) {
            System.out.println("the kernel chose " + socket.name());
            ProcNetUnix.linesFor(socket.name()).forEach(line -> System.out.println("/proc/net/unix: " + line));
        }
    }

    private static AbstractName name(Arguments arguments) throws UsageException {
        try {
            return new AbstractName(arguments.value("--name").orElse(DEFAULT_NAME));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--name: " + e.getMessage());
        }
    }

    private static long uidOfUser(String user) throws UsageException {
        OptionalLong uid = UserDatabase.uidOf(user);
        if (uid.isEmpty()) {
            throw new UsageException("--expect-user: no user named " + user);
        }
        return uid.getAsLong();
    }

    private Main() {
    }
}
