package uds.support.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import uds.support.OtherUser;
import uds.support.Shell;

/**
 * A hostile local user for the attack tests: {@code hostile_peer.py}, run by the system's
 * python3 as another user. Each command is one attack (hold connections, a line with no end,
 * silence, trickling, a flood, descriptors sent unasked) and prints one summary line.
 */
public final class HostilePeer implements AutoCloseable {

    private final Path dir;
    private final Path script;
    private final OtherUser user;

    private HostilePeer(Path dir, Path script, OtherUser user) {
        this.dir = dir;
        this.script = script;
        this.user = user;
    }

    /** The script, copied where user can read it (not under /root, which is 0700). */
    public static HostilePeer as(OtherUser user) throws IOException {
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "uds-hostile-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path script = dir.resolve("hostile_peer.py");
        try (InputStream in = HostilePeer.class.getResourceAsStream("hostile_peer.py")) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rw-r--r--"));
        return new HostilePeer(dir, script, user);
    }

    public OtherUser user() {
        return user;
    }

    /** The script's file: the descriptors it sends unasked are open on it. */
    public Path script() {
        return script;
    }

    /** The command line of one attack, as user. */
    public List<String> command(String... attack) {
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3", script.toString()));
        command.addAll(List.of(attack));
        return user.command(command);
    }

    /** How the transcript shows it: {@code (as nobody) hostile_peer.py hold /tmp/x 300 5}. */
    public String shown(String... attack) {
        return "(as " + user.name() + ") hostile_peer.py " + Shell.line(List.of(attack));
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(script);
        Files.deleteIfExists(dir);
    }
}
