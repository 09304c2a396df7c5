package uds.support.testing;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

import uds.support.Printable;

/**
 * The attendee's view of the workshop: one line per exercise, then what to do next. Hints are
 * handed out one at a time: checking one exercise again while it is unsolved shows the next.
 */
final class Report {

    /** Prints the table and the next step; returns the exit code (always 0: a table is not a failure). */
    static int print(Path results, Optional<String> only, PrintStream out) throws IOException {
        if (!Files.isDirectory(results)) {
            out.println("no exercises checked yet: run ./mvnw -q -Pworkshop verify from the repository's top folder");
            return 0;
        }
        List<Properties> exercises;
        List<String> broken;
        try (Stream<Path> files = Files.list(results)) {
            List<Path> all = files.sorted().toList();
            exercises = all.stream().filter(f -> f.toString().endsWith(".properties")).map(Report::read).toList();
            broken = all.stream().filter(f -> f.toString().endsWith(".broken")).map(Report::text).toList();
        }
        out.println();
        for (Properties exercise : exercises) {
            boolean solved = Boolean.parseBoolean(exercise.getProperty("solved"));
            out.println((solved ? "[x] " : "[ ] ") + exercise.getProperty("id") + " " + exercise.getProperty("title"));
        }
        broken.forEach(line -> out.println("[!] " + line));
        long solved = exercises.stream().filter(e -> Boolean.parseBoolean(e.getProperty("solved"))).count();
        out.println();
        out.println(solved + " of " + exercises.size() + " solved");

        Optional<Properties> next = only.isPresent()
                ? exercises.stream().filter(e -> e.getProperty("id").equals(only.get())).findFirst()
                : exercises.stream().filter(e -> !Boolean.parseBoolean(e.getProperty("solved"))).findFirst();
        if (only.isPresent() && next.isEmpty()) {
            out.println("no exercise " + only.get() + " here: the ids are the ones in the table");
            return 0;
        }
        if (next.isEmpty()) {
            out.println("all solved: compare yours with the reference solutions in exercises/*/src/solution/java");
            return 0;
        }
        Properties exercise = next.get();
        String id = exercise.getProperty("id");
        if (Boolean.parseBoolean(exercise.getProperty("solved"))) {
            out.println(id + " is solved.");
            return 0;
        }
        int hint = only.isPresent() ? nextHint(results, id, Integer.parseInt(exercise.getProperty("hints"))) : 1;
        out.println();
        out.println("next: " + id + " " + exercise.getProperty("title") + "  (walkthrough: " + exercise.getProperty("step") + ")");
        out.println("  " + exercise.getProperty("statement"));
        out.println("  edit:  " + exercise.getProperty("file"));
        out.println("  check: ./mvnw -q -Pworkshop verify -Dexercise=" + id);
        out.println();
        out.println("  the test said: " + firstLines(exercise.getProperty("failure")));
        out.println();
        out.println("  hint " + hint + " of " + exercise.getProperty("hints") + ": " + exercise.getProperty("hint." + hint));
        return 0;
    }

    /** 1 the first time, then one more each time this exercise is checked unsolved, up to the last. */
    private static int nextHint(Path results, String id, int hints) throws IOException {
        Path counter = results.resolveSibling("hints").resolve(id);
        int shown = Files.exists(counter) ? Integer.parseInt(Files.readString(counter).strip()) : 0;
        int hint = Math.min(shown + 1, hints);
        Files.createDirectories(counter.getParent());
        Files.writeString(counter, Integer.toString(hint));
        return hint;
    }

    /** The first lines of what the test said, control characters escaped (a test may quote any bytes). */
    private static String firstLines(String text) {
        List<String> lines = text.lines().limit(4).map(Printable::line).toList();
        return String.join("\n    ", lines);
    }

    private static Properties read(Path file) {
        try {
            return Workshop.read(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String text(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Report() {
    }
}
