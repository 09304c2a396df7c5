package uds.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workshop's {@code ./doctor} (a POSIX shell script at the top of the repository), run as
 * an attendee would, with tools hidden from its PATH the way a fresh machine lacks them.
 */
class DoctorTest {

    private static final Path DOCTOR = Path.of("..", "doctor").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    /** What this machine has decides ready or not; either way every line is a check, and the exit code agrees. */
    @Test
    void everyLineIsACheckAndTheLastSaysReadyOrWhatToFix() throws Exception {
        Result doctor = run(Map.of());
        List<String> lines = doctor.output().lines().toList();
        for (String line : lines.subList(0, lines.size() - 1)) {
            assertTrue(line.matches("(\u2713|\u2717|-) .+"), "a check: " + line);
        }
        String last = lines.getLast();
        boolean ready = last.equals("ready for the workshop");
        assertTrue(ready || last.startsWith("not ready: "), last);
        assertEquals(ready ? 0 : 1, doctor.exit(), doctor.output());
    }

    @Test
    void withoutSocatItSaysWhatNeedsItAndIsNotReady() throws Exception {
        Result doctor = run(Map.of("PATH", pathWithout(Set.of("socat")).toString()));
        assertTrue(doctor.output().contains("\u2717 no socat: the socat steps of lessons 01 and 02 and their SocatIT are"
                + " skipped without it (Debian: apt-get install socat)\n"), doctor.output());
        assertTrue(doctor.output().contains("\nnot ready: "), doctor.output());
        assertEquals(1, doctor.exit());
    }

    /** No Java anywhere it looks: the script still runs (it is sh), and says how to get a JDK 25. */
    @Test
    void withNoJdkItSaysHowToGetOneAndIsNotReady() throws Exception {
        Result doctor = run(Map.of("PATH", pathWithout(Set.of("java", "javac")).toString(), "JDK_DIRS",
                dir.resolve("no-jdks").toString()));
        assertTrue(doctor.output().contains("\u2717 no JDK 25: install one (Debian/Ubuntu: the temurin-25-jdk package"),
                doctor.output());
        assertEquals(1, doctor.exit());
    }

    /** The links go before JUnit cleans up, which would warn once for each link it finds. */
    @AfterEach
    void removeTheLinks() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isSymbolicLink).toList()) {
                Files.delete(file);
            }
        }
    }

    private record Result(int exit, String output) {
    }

    /** Runs ./doctor under sh, with JAVA_HOME unset and the environment changed as given. */
    private static Result run(Map<String, String> changes) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", DOCTOR.toString()).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.remove("JAVA_HOME");
        environment.putAll(changes);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }

    /** A directory of links to every command in /usr/bin and /bin but the hidden ones: a PATH without them. */
    private Path pathWithout(Set<String> hidden) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin-" + String.join("-", hidden)));
        for (Path from : List.of(Path.of("/usr/bin"), Path.of("/bin"))) {
            try (Stream<Path> commands = Files.list(from)) {
                for (Path command : commands.toList()) {
                    Path link = bin.resolve(command.getFileName().toString());
                    boolean shown = !hidden.contains(link.getFileName().toString());
                    if (shown && !Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                        Files.createSymbolicLink(link, command);
                    }
                }
            }
        }
        return bin;
    }
}
