package uds.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import uds.support.LessonJar;
import uds.support.OtherUser;
import uds.support.ServerProcess;
import uds.support.ThisProcess;
import uds.support.UserDatabase;
import uds.support.testing.Commands;
import uds.support.testing.JarUnderTest;
import uds.support.testing.RequiresRoot;
import uds.support.testing.SharedDirectory;
import uds.support.testing.Transcript;
import uds.support.testing.Users;

/** The agent and its clients as separate processes: the same answers from curl, by hand and by three libraries. */
class AgentIT {

    private static final Path CURL = Path.of("/usr/bin/curl");

    private static String whoami(long pid, long uid, long gid) {
        return "{\"pid\":" + pid + ",\"uid\":" + uid + ",\"gid\":" + gid + ",\"user\":\""
                + UserDatabase.userName(uid).orElse("") + "\",\"group\":\"" + UserDatabase.groupName(gid).orElse("") + "\"}\n";
    }

    private static List<String> client(LessonJar jar, String socket, ClientCommand.Via via, String... request) {
        List<String> command = new ArrayList<>(jar.command("client", "--socket", socket, "--via",
                via.name().toLowerCase(Locale.ROOT)));
        command.addAll(List.of(request));
        return command;
    }

    // tag::same-answers[]
    /** Each client is told its own pid, uid and gid: the kernel's answer for its connection. */
    @ParameterizedTest
    @EnumSource(ClientCommand.Via.class)
    void everyClientIsToldWhoItIsAndKeepsNotes(ClientCommand.Via via) throws Exception {
        try (SharedDirectory shared = SharedDirectory.create("uds-http-");
                ServerProcess server = ServerProcess.start(JarUnderTest.get().command(
                        "server", "--socket", shared.path().resolve("agent.sock").toString()))) {
            server.await("serving HTTP on");
            String socket = shared.path().resolve("agent.sock").toString();
            LessonJar jar = JarUnderTest.get();
            Commands.Run who = Commands.runWithPid(client(jar, socket, via, "GET", "/v1/whoami"), "");
            assertEquals(new Commands.Result(0, whoami(who.pid(), ThisProcess.uid(), ThisProcess.gid()), ""), who.result());
            assertEquals(new Commands.Result(0, "", ""), Commands.run(client(jar, socket, via, "PUT", "/v1/notes/motd",
                    "grüße from " + via)));
            assertEquals(new Commands.Result(0, "grüße from " + via + "\n", ""),
                    Commands.run(client(jar, socket, via, "GET", "/v1/notes/motd")));
            assertEquals(new Commands.Result(0, "", ""), Commands.run(client(jar, socket, via, "DELETE", "/v1/notes/motd")));
            assertEquals(new Commands.Result(1, "{\"error\":\"no note motd\"}\n", "error: HTTP 404 Not Found\n"),
                    Commands.run(client(jar, socket, via, "GET", "/v1/notes/motd")));
        }
    }
    // end::same-answers[]

    // tag::nobody[]
    /** Whoever can connect may read; the kernel's uid, not a header, decides who may write. */
    @Test
    @RequiresRoot("the caller runs as the user nobody, which needs root (setpriv)")
    void nobodyReadsButMayNotWrite() throws Exception {
        assumeTrue(Files.isExecutable(CURL), "no curl (Debian: apt-get install curl)");
        OtherUser nobody = Users.nobody();
        Transcript transcript = new Transcript();
        try (SharedDirectory shared = SharedDirectory.create("uds-http-")) {
            LessonJar jar = JarUnderTest.get().readableCopy(shared.path());
            try (ServerProcess server = transcript.startIn(shared.path(), jar.command("server", "--socket", "agent.sock"),
                    "serving HTTP on")) {
                assertEquals(0, transcript.recordIn(shared.path(), jar.command("client", "--socket", "agent.sock",
                        "PUT", "/v1/notes/motd", "backup at 02:00")).exit());
                Commands.Run who = Commands.runWithPid(nobody.command(List.of("curl", "-s", "--unix-socket", "agent.sock",
                        "http://localhost/v1/whoami")), "", shared.path());
                transcript.note("$ " + Transcript.shown(nobody.command(List.of("curl", "-s", "--unix-socket", "agent.sock",
                        "http://localhost/v1/whoami"))));
                transcript.note(who.result().stdout().strip());
                assertEquals(new Commands.Result(0, whoami(who.pid(), nobody.uid(), nobody.gid()), ""), who.result());
                assertEquals(new Commands.Result(0, "backup at 02:00", ""), transcript.recordIn(shared.path(),
                        nobody.command(List.of("curl", "-s", "--unix-socket", "agent.sock", "http://localhost/v1/notes/motd"))));
                Commands.Result refused = transcript.recordIn(shared.path(), nobody.command(List.of("curl", "-s",
                        "-w", "\\n%{http_code}\\n", "-X", "PUT", "--data", "mine now", "--header", "X-User: root",
                        "--unix-socket", "agent.sock", "http://localhost/v1/notes/motd")));
                String reason = "{\"error\":\"uid " + UserDatabase.userLabel(nobody.uid()) + " may read notes, not write"
                        + " them: writing is for the server's user and --admin-user\"}\n";
                assertEquals(new Commands.Result(0, reason + "\n403\n", ""), refused);
                Commands.Result java = transcript.recordIn(shared.path(), nobody.command(jar.command("client",
                        "--socket", "agent.sock", "--via", "okhttp", "DELETE", "/v1/notes/motd")));
                assertEquals(new Commands.Result(1, reason, "error: HTTP 403 Forbidden\n"), java);
                transcript.serverSays(server, "DELETE \"/v1/notes/motd\" from pid=");
            }
        }
        transcript.write("nobody");
    }
    // end::nobody[]

    // tag::events[]
    /** A streamed answer: each change arrives as a line while the request is still open. */
    @ParameterizedTest
    @EnumSource(ClientCommand.Via.class)
    void eventsArriveWhileTheAnswerGoesOn(ClientCommand.Via via) throws Exception {
        try (SharedDirectory shared = SharedDirectory.create("uds-http-");
                ServerProcess server = ServerProcess.start(JarUnderTest.get().command(
                        "server", "--socket", shared.path().resolve("agent.sock").toString()))) {
            server.await("serving HTTP on");
            String socket = shared.path().resolve("agent.sock").toString();
            try (ServerProcess events = ServerProcess.start(client(JarUnderTest.get(), socket, via, "GET", "/v1/events"))) {
                events.await("{\"event\":\"listening\"}");
                Commands.run(client(JarUnderTest.get(), socket, ClientCommand.Via.JDK, "PUT", "/v1/notes/a", "1"));
                String line = events.await("\"note\":\"a\"").getLast();
                assertEquals(true, line.startsWith("{\"event\":\"created\",\"note\":\"a\",\"by\":\""), line);
            }
        }
    }
    // end::events[]
}
