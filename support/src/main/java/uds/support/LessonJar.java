package uds.support;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/** A lesson's runnable jar, started in a new JVM the way a learner starts it from a shell. */
public record LessonJar(Path jar) {

    /** The jar the class was loaded from: a lesson's demo runs its own jar. */
    public static LessonJar containing(Class<?> type) {
        try {
            return new LessonJar(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The file name a learner types: {@code 01-path-socket.jar}. */
    public String name() {
        return jar.getFileName().toString();
    }

    /** {@code java -jar JAR ARGS...}, with the java that runs this JVM (JDK 25, even when PATH has an older one). */
    public List<String> command(String... args) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-jar", jar.toString()));
        command.addAll(List.of(args));
        return command;
    }

    /**
     * This jar copied into a fresh world-readable directory under parent: another user's JVM
     * must be able to read its classes, and /root (where a checkout often lives) is mode 0700.
     */
    public LessonJar readableCopy(Path parent) throws IOException {
        Path dir = Files.createTempDirectory(parent, "jar-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path copy = Files.copy(jar, dir.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
        return new LessonJar(copy);
    }

    /** Deletes a copy made by {@link #readableCopy}, and its directory. */
    public void deleteCopy() throws IOException {
        Files.deleteIfExists(jar);
        Files.deleteIfExists(jar.getParent());
    }
}
