package uds.exercises.datagram;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Exercise 08.3: the client's check that an answer came from the server it wrote to. Any local
 * process may send to the client's autobound name. (Walkthrough 08, step 2. Checked by
 * AnswerCheckTest.)
 */
final class AnswerCheck {

    /**
     * Whether sender (the sun_path bytes recvmsg reported: a path and its NUL, an abstract name
     * after a leading NUL, or nothing) names the very file at socket.
     */
    static boolean fromServer(Path socket, byte[] sender) {
        // TODO: the same file can have many names; an abstract name is never a file
        return new String(sender, StandardCharsets.UTF_8).equals(socket.toString());
    }

    private AnswerCheck() {
    }
}
