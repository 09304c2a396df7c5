package uds.scmcredentials;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/** This lesson's runnable jar, started in a new JVM the way a learner starts it from a shell. */
record LessonJar(Path jar) {

    /** The jar this class was loaded from (the demo runs from it). */
    static LessonJar running() {
        try {
            return new LessonJar(Path.of(LessonJar.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * This jar copied into a fresh world-readable directory under parent: another user's JVM
     * must be able to read its classes, and /root (where a checkout often lives) is mode 0700.
     */
    LessonJar readableCopy(Path parent) throws IOException {
        Path dir = Files.createTempDirectory(parent, "jar-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path copy = Files.copy(jar, dir.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
        return new LessonJar(copy);
    }

    /** Deletes a copy made by {@link #readableCopy}. */
    void deleteCopy() throws IOException {
        Files.deleteIfExists(jar);
        Files.deleteIfExists(jar.getParent());
    }

    /** {@code java -jar JAR ARGS...}, with the java that runs this JVM (JDK 25, even when PATH has an older one). */
    List<String> command(String... args) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-jar", jar.toString()));
        command.addAll(List.of(args));
        return command;
    }
}
