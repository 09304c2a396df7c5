package uds.support.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A fresh directory under /tmp that every user may enter and read (0755), for a test whose
 * peer runs as another user: a JUnit @TempDir is 0700, and so is /root. Deleted, with all in it,
 * on close.
 */
public final class SharedDirectory implements AutoCloseable {

    private final Path path;

    private SharedDirectory(Path path) {
        this.path = path;
    }

    public static SharedDirectory create(String prefix) throws IOException {
        Path path = Files.createTempDirectory(Path.of("/tmp"), prefix);
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
        return new SharedDirectory(path);
    }

    public Path path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
