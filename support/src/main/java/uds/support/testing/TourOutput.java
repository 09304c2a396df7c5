package uds.support.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs a lesson's tour from its jar, checks what it shows, and keeps it for the walkthrough. */
public final class TourOutput {

    /**
     * Runs {@code java -jar LESSON.jar demo}; it must succeed, print nothing on stderr, and
     * show a line matching each pattern (a regular expression, anywhere in its line), in
     * that order. Its output becomes {@code demo.txt}, the transcript of the walkthrough.
     */
    public static List<String> check(List<String> expectedInOrder) throws IOException, InterruptedException {
        Commands.Result result = Commands.run(JarUnderTest.get().command("demo"));
        assertEquals(0, result.exit(), result.stdout() + result.stderr());
        assertEquals("", result.stderr());
        List<String> lines = result.stdout().lines().toList();
        int at = 0;
        for (String expected : expectedInOrder) {
            Pattern pattern = Pattern.compile(".*" + expected + ".*");
            while (at < lines.size() && !pattern.matcher(lines.get(at)).matches()) {
                at++;
            }
            assertTrue(at < lines.size(), "the tour should show, after what came before: " + expected
                    + "\n--- it printed:\n" + result.stdout());
        }
        Path dir = Files.createDirectories(Path.of(System.getProperty("transcripts.dir")));
        Files.writeString(dir.resolve("demo.txt"), Capture.line() + "\n" + result.stdout(), StandardCharsets.UTF_8);
        writeSteps(lines, dir);
        return lines;
    }

    /**
     * Each step of the tour on its own, {@code demo-step-N.txt}, from its "-- N." line to the
     * next: a walkthrough shows a step's output right after the code it runs. N is the page's
     * step number, with a letter where one step of the page takes several of the tour (2a, 2b).
     */
    private static void writeSteps(List<String> lines, Path dir) throws IOException {
        Pattern header = Pattern.compile("^-- (\\d+[a-z]?)\\. .*");
        String step = null;
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            Matcher matcher = header.matcher(line);
            if (matcher.matches()) {
                writeStep(dir, step, text);
                step = matcher.group(1);
                text.setLength(0);
            }
            if (step != null && !line.isBlank()) {
                text.append(line).append('\n');
            }
        }
        writeStep(dir, step, text);
    }

    private static void writeStep(Path dir, String step, StringBuilder text) throws IOException {
        if (step != null) {
            Files.writeString(dir.resolve("demo-step-" + step + ".txt"), text, StandardCharsets.UTF_8);
        }
    }

    private TourOutput() {
    }
}
