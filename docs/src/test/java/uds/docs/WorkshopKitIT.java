package uds.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import uds.support.testing.RequiresRoot;

/**
 * The offline kit does what the guide promises: an instructor builds it with
 * {@code ./mvnw -q -Pworkshop-kit package}; an attendee with an empty home folder unpacks it
 * there, turns the network off ({@code unshare -n}: a network namespace with no interface up),
 * and the workshop's table and the tour still run, offline. Each side works on its own copy
 * of the sources, as each would have its own clone.
 */
class WorkshopKitIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    @RequiresRoot("turning the network off with unshare -n")
    @Timeout(value = 25, unit = TimeUnit.MINUTES)
    void anEmptyHomeWithTheKitRunsTheWorkshopAndTheTourWithNoNetwork() throws Exception {
        Path instructor = copyOfTheSources(dir.resolve("instructor"));
        Run built = run(instructor, Map.of(), "./mvnw", "-q", "-Pworkshop-kit", "package");
        assertEquals(0, built.exit(), built.output());
        Path kit = instructor.resolve("target/workshop-kit.tar.gz");
        assertTrue(Files.isRegularFile(kit), built.output());

        Path home = Files.createDirectories(dir.resolve("attendee-home"));
        Run unpacked = run(home, Map.of(), "tar", "-xzf", kit.toString(), "-C", home.toString());
        assertEquals(0, unpacked.exit(), unpacked.output());
        try (Stream<Path> files = Files.walk(home)) {
            List<String> names = files.map(file -> home.relativize(file).toString()).toList();
            assertTrue(names.stream().anyMatch(name -> name.matches("\\.m2/wrapper/dists/apache-maven-[^/]+/[^/]+/bin/mvn")),
                    "the wrapper's Maven, where ./mvnw looks for it");
            assertTrue(names.stream().anyMatch(name -> name.startsWith(".m2/repository/com/kohlschutter/junixsocket/")));
            assertTrue(names.stream().noneMatch(name -> name.endsWith("_remote.repositories")),
                    "no notes of where a file came from: offline, Maven would refuse those files");
            assertTrue(names.stream().allMatch(name -> name.isEmpty() || name.startsWith(".m2")), "only ~/.m2: " + names);
        }

        Path attendee = copyOfTheSources(dir.resolve("attendee"));
        Map<String, String> offline = Map.of("HOME", home.toString());
        Run workshop = run(attendee, offline, "unshare", "-n", "./mvnw", "-o", "-q", "-Pworkshop", "verify");
        assertEquals(0, workshop.exit(), workshop.output());
        assertTrue(workshop.output().lines().anyMatch(line -> line.matches("0 of \\d+ solved")), workshop.output());
        assertTrue(workshop.output().contains("[ ] 01.1 "), workshop.output());

        Run tour = run(attendee, offline, "unshare", "-n", "./mvnw", "-o", "-q", "-Ptour", "verify");
        assertEquals(0, tour.exit(), tour.output());
        for (String lesson : List.of("01-path-socket", "07-socket-activation")) {
            assertTrue(tour.output().contains("java -jar " + lesson + ".jar"), lesson + " in the tour:\n" + tour.output());
        }
    }

    private record Run(int exit, String output) {
    }

    private static Run run(Path in, Map<String, String> environment, String... command)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(in.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), output);
    }

    /** The repository as a clone has it: no build output, no history. */
    private static Path copyOfTheSources(Path to) throws IOException, InterruptedException {
        Files.createDirectories(to);
        Run copied = run(to, Map.of(), "bash", "-c",
                "tar -C \"$1\" --exclude=./.git --exclude=target -cf - . | tar -C \"$2\" -xf -", "copy",
                ROOT.toString(), to.toString());
        assertEquals(0, copied.exit(), copied.output());
        return to;
    }
}
