package uds.support.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrackFactsTest {

    @Test
    void countsInWords() {
        assertEquals("seven", TrackFacts.words(7));
        assertEquals("fifteen", TrackFacts.words(15));
        assertEquals("twenty", TrackFacts.words(20));
        assertEquals("twenty-one", TrackFacts.words(21));
        assertEquals("thirty-three", TrackFacts.words(33));
    }

    @Test
    void aRunOfLessonsIsARangeAndGapsAreListed() {
        assertEquals("02 to 07", TrackFacts.span(List.of("02", "03", "04", "05", "06", "07")));
        assertEquals("03, 05 and 06", TrackFacts.span(List.of("03", "05", "06")));
        assertEquals("03 and 04", TrackFacts.span(List.of("03", "04")));
        assertEquals("05", TrackFacts.span(List.of("05")));
        assertEquals("none", TrackFacts.span(List.of()));
    }

    /** A lesson is read from its sources and its exercise list, the way the build leaves them. */
    @Test
    void readsTheLessonsFromTheirSourcesAndExerciseLists(@TempDir Path root) throws IOException {
        write(root.resolve("01-plain/src/main/java/a/A.java"), "class A { }");
        write(root.resolve("02-native/src/main/java/b/B.java"), "import java.lang.foreign.Arena;");
        write(root.resolve("02-native/src/test/java/b/BIT.java"), "@RequiresRoot(\"setpriv\") void t() { }");
        write(root.resolve("exercises/02-native/target/exercises.adoc"),
                "[[exercise-02-1]]\n==== 02.1 First\n\ntext\n[[exercise-02-2]]\n==== 02.2 Second\n");
        List<TrackFacts.Lesson> lessons = TrackFacts.lessons(root);
        assertEquals(List.of(new TrackFacts.Lesson("01-plain", List.of(), false, false),
                new TrackFacts.Lesson("02-native", List.of("02.1 First", "02.2 Second"), true, true)), lessons);
        List<String> adoc = TrackFacts.adoc(lessons);
        assertTrue(adoc.contains(":exercise-count: 2"), adoc.toString());
        assertTrue(adoc.contains(":exercise-count-words: Two"), adoc.toString());
        assertTrue(adoc.contains(":ffm-lessons: 02"), adoc.toString());
        assertTrue(adoc.contains("| 02.1 First +\n02.2 Second"), adoc.toString());
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
