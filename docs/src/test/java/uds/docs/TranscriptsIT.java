package uds.docs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * What the pages show was captured in one locale, C.UTF-8, whatever the build's (CI builds
 * under de_DE.UTF-8, where strerror speaks German): each transcript's first line says which.
 * (The tour's demo-step-N.txt are slices of its demo.txt, whose first line speaks for them.)
 */
class TranscriptsIT {

    @Test
    void everyTranscriptWasCapturedUnderCUtf8() throws IOException {
        List<Path> transcripts;
        try (Stream<Path> lessons = Files.list(Path.of(".."))) {
            transcripts = lessons.map(lesson -> lesson.resolve("target/transcripts")).filter(Files::isDirectory)
                    .flatMap(TranscriptsIT::files).toList();
        }
        assertFalse(transcripts.isEmpty(), "no transcripts: the lessons' integration tests write them first");
        for (Path transcript : transcripts) {
            String first = Files.readAllLines(transcript, StandardCharsets.UTF_8).getFirst();
            assertTrue(first.endsWith(", LC_ALL=C.UTF-8"), transcript + ": " + first);
        }
    }

    private static Stream<Path> files(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.toString().endsWith(".txt"))
                    .filter(file -> !file.getFileName().toString().startsWith("demo-step-")).toList().stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
