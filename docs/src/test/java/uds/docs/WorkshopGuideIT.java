package uds.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The instructor's guide takes its numbers and lists from the build (TrackFacts writes them
 * before the pages are rendered); here they are checked against the track by other means, on
 * the rendered page and in the README, which types its count: the number of exercises (one per
 * {@code @Exercise} test class in the sources) and which lessons make FFM calls.
 */
class WorkshopGuideIT {

    private static final Path PAGES = Path.of("target", "generated-docs");
    private static final List<String> NUMBERS = List.of("Zero", "One", "Two", "Three", "Four", "Five", "Six",
            "Seven", "Eight", "Nine", "Ten", "Eleven", "Twelve", "Thirteen", "Fourteen", "Fifteen", "Sixteen",
            "Seventeen", "Eighteen", "Nineteen", "Twenty", "Twenty-one", "Twenty-two", "Twenty-three", "Twenty-four",
            "Twenty-five", "Twenty-six", "Twenty-seven", "Twenty-eight", "Twenty-nine", "Thirty");

    @Test
    void theExerciseCountsAreTheBuilds() throws IOException {
        int exercises = 0;
        try (Stream<Path> sources = Files.walk(Path.of("..", "exercises"))) {
            for (Path test : sources.filter(file -> file.toString().matches(".*/src/test/java/.*Test\\.java")).toList()) {
                if (Files.readString(test, StandardCharsets.UTF_8).contains("\n@Exercise(")) {
                    exercises++;
                }
            }
        }
        assertTrue(exercises > 0, "no @Exercise test classes under exercises/");
        String guide = text(PAGES.resolve("workshop.html"));
        assertTrue(guide.contains(NUMBERS.get(exercises) + " exercises, three per lesson"),
                "the guide opens with the count " + exercises);
        assertTrue(guide.contains(exercises + " lines, each [ ]"), "the table the attendees see has " + exercises + " lines");
        assertTrue(guide.contains("0 of " + exercises + " solved"), "the table, as printed by the build");
        assertTrue(text(PAGES.resolve("index.html")).contains(exercises + " exercises that check"));
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        assertTrue(readme.contains("\n" + NUMBERS.get(exercises) + " exercises, three per lesson"),
                "the README types the count: " + exercises);
    }

    /** No attribute of the build's left unresolved on a page: the facts were written and included. */
    @Test
    void everyFactOfTheBuildIsResolved() throws IOException {
        for (String page : List.of("workshop.html", "index.html")) {
            String html = Files.readString(PAGES.resolve(page), StandardCharsets.UTF_8);
            assertFalse(html.matches("(?s).*\\{(lesson-count|exercise-count|ffm-lessons|other-user-lessons).*"), page);
        }
    }

    /** "lessons 02 to 09": the lessons whose own code calls through FFM. */
    @Test
    void theLessonsThatUseFfmAreTheOnesWhoseCodeDoes() throws IOException {
        TreeSet<String> ffm = new TreeSet<>();
        try (Stream<Path> lessons = Files.list(Path.of(".."))) {
            for (Path lesson : lessons.filter(dir -> dir.getFileName().toString().matches("\\d\\d-.*")).toList()) {
                try (Stream<Path> sources = Files.walk(lesson.resolve("src/main/java"))) {
                    boolean calls = sources.filter(file -> file.toString().endsWith(".java")).anyMatch(file -> {
                        try {
                            String source = Files.readString(file, StandardCharsets.UTF_8);
                            // Directly, or through support's classes made of FFM calls (05, 08, 09).
                            return source.contains("java.lang.foreign") || source.matches(
                                    "(?s).*import uds\\.support\\.(UnixSocket|SocketOption|SocketCalls|SocketMessages|Libc);.*");
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
                    if (calls) {
                        ffm.add(lesson.getFileName().toString().substring(0, 2));
                    }
                }
            }
        }
        assertFalse(ffm.isEmpty());
        int first = Integer.parseInt(ffm.first());
        int last = Integer.parseInt(ffm.last());
        assertEquals(last - first + 1, ffm.size(), "every lesson from " + ffm.first() + " to " + ffm.last() + ": " + ffm);
        String said = "lessons " + ffm.first() + " to " + ffm.last() + " (in 02 only to autobind)";
        assertTrue(text(PAGES.resolve("workshop.html")).contains(said), "the guide should say: " + said);
    }

    /** A page's text with its markup dropped and its white space made single. */
    private static String text(Path page) throws IOException {
        return Files.readString(page, StandardCharsets.UTF_8).replaceAll("<[^>]+>", "").replace("&#8217;", "'")
                .replaceAll("\\s+", " ");
    }
}
