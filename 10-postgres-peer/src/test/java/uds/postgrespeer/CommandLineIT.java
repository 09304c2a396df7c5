package uds.postgrespeer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uds.support.testing.Commands;
import uds.support.testing.JarUnderTest;

/** One line and a meaningful exit code for each way a command line can go wrong, no server needed. */
class CommandLineIT {

    @TempDir
    Path dir;

    private static Commands.Result run(String... args) throws Exception {
        return Commands.run(JarUnderTest.get().command(args));
    }

    @Test
    void noServerIsOneLineAndExitOne() throws Exception {
        String socket = dir.resolve(".s.PGSQL.5432").toString();
        assertEquals(new Commands.Result(1, "", "error: no socket at " + socket + ": is the server running?\n"),
                run("query", "--socket-dir", dir.toString(), "SELECT 1"));
        assertEquals(new Commands.Result(1, "", "error: no socket at " + socket + ": is the server running?\n"),
                run("minimal", dir.toString()));
    }

    @Test
    void aBadCommandLineIsExitTwo() throws Exception {
        assertEquals(2, run("query", "--socket-dir", dir.toString()).exit());
        assertEquals(2, run("query", "--socket-dir", dir.toString(), "--user", "x y", "SELECT 1").exit());
        assertEquals(2, run("query", "--socket-dir", dir.toString(), "--port", "70000", "SELECT 1").exit());
        assertEquals(2, run("postgres").exit());
    }

    @Test
    void aDirectoryThatIsNotEmptyIsNotInitialised() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("keep.txt"), "mine");
        Commands.Result result = run("postgres", "--dir", dir.toString());
        assertEquals(new Commands.Result(1, "", "error: " + dir + " is not an empty directory: initdb wants a fresh one\n"),
                result);
        assertEquals("mine", java.nio.file.Files.readString(dir.resolve("keep.txt")));
    }
}
