package uds.exercises.datagram;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uds.support.UnixSocket;
import uds.support.testing.Exercise;

@Exercise(id = "08.3", title = "Answers from the server only", step = "Step 2: a log service that knows who sent each line",
        file = "AnswerCheck.java",
        statement = "`fromServer(socket, sender)` must be true only when sender is a path address naming the same"
                + " file as socket, however either path is spelled; never for an abstract name or no address.",
        hints = {
            "The kernel counts the path's terminating NUL in the address: cut there before making a Path.",
            "Two spellings of one file (log.sock, ./log.sock, /tmp/x/log.sock) are one file: Files.isSameFile.",
            "A leading NUL is an abstract name and an empty sender is unbound: both are false before any file is looked at."})
class AnswerCheckTest {

    @TempDir
    Path dir;

    private static byte[] address(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theServersFileUnderAnyNameIsTheServer() throws IOException {
        Path socket = dir.resolve("log.sock");
        Files.createDirectories(dir.resolve("sub"));
        try (UnixSocket server = UnixSocket.datagram()) {
            server.bind(socket);
            assertTrue(AnswerCheck.fromServer(socket, address(socket + "\0")), "the path and its NUL");
            assertTrue(AnswerCheck.fromServer(dir.resolve("sub/../log.sock"), address(socket + "\0")), "another spelling");
        }
    }

    @Test
    void anythingElseIsAStranger() throws IOException {
        Path socket = dir.resolve("log.sock");
        Path other = dir.resolve("other.sock");
        try (UnixSocket server = UnixSocket.datagram(); UnixSocket stranger = UnixSocket.datagram()) {
            server.bind(socket);
            stranger.bind(other);
            assertFalse(AnswerCheck.fromServer(socket, address(other + "\0")), "another file");
            assertFalse(AnswerCheck.fromServer(socket, address("\0" + socket)), "an abstract name that spells the path");
            assertFalse(AnswerCheck.fromServer(socket, new byte[0]), "no address");
            assertFalse(AnswerCheck.fromServer(socket, address(dir.resolve("gone.sock") + "\0")), "no such file");
        }
    }
}
