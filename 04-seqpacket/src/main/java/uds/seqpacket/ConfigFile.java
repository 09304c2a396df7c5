package uds.seqpacket;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration file the update server owns: plain {@code key=value} lines, so that any
 * tool, and any learner, can read it. Every change is written atomically: a reader, or the
 * next start after a crash, sees the old file or the new one, never half of one.
 */
final class ConfigFile {

    private final Path file;
    private final Map<String, String> entries;

    private ConfigFile(Path file, Map<String, String> entries) {
        this.file = file;
        this.entries = entries;
    }

    /** Reads file; a missing file is an empty configuration, a malformed one is refused. */
    static ConfigFile load(Path file) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        if (Files.exists(file)) {
            int number = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                number++;
                int equals = line.indexOf('=');
                if (equals < 1 || !Request.KEY.matcher(line.substring(0, equals)).matches()) {
                    throw new IOException(file + ":" + number + ": not a key=value line");
                }
                entries.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return new ConfigFile(file, entries);
    }

    synchronized Optional<String> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    /** Sets key and writes the file; returns once the change is on disk. */
    synchronized void set(String key, String value) throws IOException {
        Map<String, String> changed = new LinkedHashMap<>(entries);
        changed.put(key, value);
        write(changed);
        entries.put(key, value);
    }

    /** Removes key and writes the file; false if there was no such key. */
    synchronized boolean delete(String key) throws IOException {
        if (!entries.containsKey(key)) {
            return false;
        }
        Map<String, String> changed = new LinkedHashMap<>(entries);
        changed.remove(key);
        write(changed);
        entries.remove(key);
        return true;
    }

    // tag::atomic-write[]
    private void write(Map<String, String> content) throws IOException {
        StringBuilder text = new StringBuilder();
        content.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));

        // In the same directory, so that the rename below stays within one filesystem.
        Path dir = file.toAbsolutePath().getParent();
        Path temporary = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
        try {
            try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                out.write(ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)));
                out.force(true); // the bytes are on disk before the name points at them
            }
            keepModeAndOwner(temporary);
            // rename(2) replaces the old file in one step: no moment without a whole file.
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
            directory.force(true); // and the rename itself survives a power cut
        }
    }

    /**
     * The temporary file is the server's own, with mode 0600 (createTempFile's, whatever the
     * umask): give it the old file's mode and owner instead.
     */
    private void keepModeAndOwner(Path temporary) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        PosixFileAttributes old = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        Files.setPosixFilePermissions(temporary, old.permissions());
        PosixFileAttributes now = Files.readAttributes(temporary, PosixFileAttributes.class);
        if (!now.owner().equals(old.owner())) {
            Files.setOwner(temporary, old.owner()); // only root may give a file away
        }
        if (!now.group().equals(old.group())) {
            Files.getFileAttributeView(temporary, java.nio.file.attribute.PosixFileAttributeView.class)
                    .setGroup(old.group());
        }
    }
    // end::atomic-write[]
}
