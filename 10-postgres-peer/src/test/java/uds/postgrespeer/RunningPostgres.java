package uds.postgrespeer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assumptions;

import uds.support.LessonJar;
import uds.support.PostgresCluster;
import uds.support.ThisProcess;
import uds.support.testing.Commands;
import uds.support.testing.JarUnderTest;
import uds.support.testing.SharedDirectory;
import uds.support.testing.Transcript;

/**
 * A test's own PostgreSQL server, in a directory every user may enter, and the lesson's jar
 * where its callers can read it; stopped and removed on close. Skips the test, saying why,
 * where PostgreSQL is not installed.
 */
final class RunningPostgres implements AutoCloseable {

    final SharedDirectory shared;
    final LocalPostgres server;
    final LessonJar jar;

    private RunningPostgres(SharedDirectory shared, LocalPostgres server, LessonJar jar) {
        this.shared = shared;
        this.server = server;
        this.jar = jar;
    }

    static RunningPostgres start() throws IOException, InterruptedException {
        return start(LocalPostgres.Settings.DEFAULT);
    }

    static RunningPostgres start(LocalPostgres.Settings settings) throws IOException, InterruptedException {
        Assumptions.assumeTrue(PostgresCluster.binaries().isPresent(), "PostgreSQL is not installed (Debian: apt-get install postgresql)");
        SharedDirectory shared = SharedDirectory.create("uds-postgres-");
        try {
            LessonJar jar = ThisProcess.isRoot() ? JarUnderTest.get().readableCopy(shared.path()) : JarUnderTest.get();
            return new RunningPostgres(shared, LocalPostgres.start(shared.path().resolve("pg"), settings), jar);
        } catch (IOException | RuntimeException e) {
            shared.close();
            throw e;
        }
    }

    /** The query command, run as the server's own OS user (the superuser role of that name). */
    List<String> queryAsOwner(String... args) {
        return asOwner(query(args));
    }

    /** command, run as the server's own OS user: postgres for root, else whoever runs the tests. */
    List<String> asOwner(List<String> command) {
        return server.asOwner(command);
    }

    /** The query command against this server, as whoever runs it, in {@link #directory()}. */
    List<String> query(String... args) {
        Path sockets = server.socketDirectory();
        String shown = sockets.startsWith(directory()) ? directory().relativize(sockets).toString() : sockets.toString();
        List<String> command = new ArrayList<>(jar.command("query", "--socket-dir", shown));
        command.addAll(List.of(args));
        return command;
    }

    /** Where the commands run: the server's files are in pg/ below it. */
    Path directory() {
        return shared.path();
    }

    /** Runs command in {@link #directory()}, as a terminal there would. */
    Commands.Result run(List<String> command) throws IOException, InterruptedException {
        return Commands.runWithPid(command, "", directory()).result();
    }

    /** The same, recorded for the page. */
    Commands.Result record(Transcript transcript, List<String> command) throws IOException, InterruptedException {
        return transcript.recordIn(directory(), command);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            server.close();
        } finally {
            shared.close();
        }
    }
}
