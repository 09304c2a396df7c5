package uds.exercises.datagram;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Exercise 08.3, solved: a path address, cut at its NUL, that is the same file. */
final class AnswerCheck {

    static boolean fromServer(Path socket, byte[] sender) {
        if (sender.length == 0 || sender[0] == 0) {
            return false; // unbound, or an abstract name: not the server's file
        }
        int end = 0;
        while (end < sender.length && sender[end] != 0) {
            end++;
        }
        try {
            return Files.isSameFile(Path.of(new String(sender, 0, end, StandardCharsets.UTF_8)), socket);
        } catch (IOException | RuntimeException e) {
            return false; // no such file, or not a path at all
        }
    }

    private AnswerCheck() {
    }
}
