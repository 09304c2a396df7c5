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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The instructor's guide types a few numbers and lists; here they are held to the build, so
 * that the guide cannot drift from the track: the number of exercises (one per {@code @Exercise}
 * test, as the build lists them for the pages) and which lessons make FFM calls.
 */
class WorkshopGuideIT {

    private static final Path GUIDE = Path.of("workshop.adoc");
    private static final List<String> NUMBERS = List.of("Zero", "One", "Two", "Three", "Four", "Five", "Six",
            "Seven", "Eight", "Nine", "Ten", "Eleven", "Twelve", "Thirteen", "Fourteen", "Fifteen", "Sixteen",
            "Seventeen", "Eighteen", "Nineteen", "Twenty", "Twenty-one", "Twenty-two", "Twenty-three", "Twenty-four");

    @Test
    void theExerciseCountsAreTheBuilds() throws IOException {
        int exercises = 0;
        try (Stream<Path> modules = Files.list(Path.of("..", "exercises"))) {
            for (Path list : modules.map(module -> module.resolve("target/exercises.adoc")).filter(Files::isRegularFile).toList()) {
                exercises += (int) Files.readAllLines(list, StandardCharsets.UTF_8).stream()
                        .filter(line -> line.startsWith("[[exercise-")).count();
            }
        }
        assertTrue(exercises > 0, "no exercise lists: the exercise modules write them first");
        String guide = Files.readString(GUIDE, StandardCharsets.UTF_8);
        assertTrue(guide.contains("\n" + NUMBERS.get(exercises) + " exercises,"), "the guide opens with the count "
                + exercises);
        Matcher tables = Pattern.compile("(\\d+) (`\\[ \\]`|lines, each \\[ \\])").matcher(guide);
        int counts = 0;
        while (tables.find()) {
            assertEquals(exercises, Integer.parseInt(tables.group(1)), "the table the attendees see: " + tables.group());
            counts++;
        }
        assertTrue(counts > 0, "the guide says how many lines the table has");
    }

    /** "lessons 02 (autobind) to 07": the lessons whose own code calls through FFM. */
    @Test
    void theLessonsThatUseFfmAreTheOnesWhoseCodeDoes() throws IOException {
        TreeSet<String> ffm = new TreeSet<>();
        try (Stream<Path> lessons = Files.list(Path.of(".."))) {
            for (Path lesson : lessons.filter(dir -> dir.getFileName().toString().matches("\\d\\d-.*")).toList()) {
                try (Stream<Path> sources = Files.walk(lesson.resolve("src/main/java"))) {
                    boolean calls = sources.filter(file -> file.toString().endsWith(".java")).anyMatch(file -> {
                        try {
                            return Pattern.compile("java\\.lang\\.foreign|uds\\.support\\.(Libc|Socket(Option|Calls|Messages))")
                                    .matcher(Files.readString(file, StandardCharsets.UTF_8)).find();
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
        String guide = Files.readString(GUIDE, StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        String said = "lessons " + ffm.first() + " (autobind) to " + ffm.last();
        assertTrue(guide.contains(said), "the guide should say: " + said + "; the lessons that call through FFM: " + ffm);
        int first = Integer.parseInt(ffm.first());
        int last = Integer.parseInt(ffm.last());
        assertEquals(last - first + 1, ffm.size(), "every lesson from " + ffm.first() + " to " + ffm.last() + ": " + ffm);
    }
}
