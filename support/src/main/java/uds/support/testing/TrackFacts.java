package uds.support.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The numbers and lists the instructor's guide states, computed by the build so that the guide
 * cannot drift from the track: how many exercises (from the lists the checker writes from the
 * {@link Exercise} annotations), which lessons make FFM calls and which run steps as other
 * users (from the lessons' sources). The docs build runs it before rendering:
 * {@code TrackFacts ROOT OUT.adoc} writes AsciiDoc attributes (tag {@code attributes}) and a
 * table of the lessons (tag {@code table}) for the guide to include.
 */
public final class TrackFacts {

    private static final Pattern FFM = Pattern.compile("java\\.lang\\.foreign|uds\\.support\\.(Libc|UnixSocket|Socket(Option|Calls|Messages))");
    private static final Pattern OTHER_USERS = Pattern.compile("@RequiresRoot|ThisProcess\\.isRoot\\(\\)");
    private static final List<String> ONES = List.of("zero", "one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
            "eighteen", "nineteen");
    private static final List<String> TENS = List.of("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
            "eighty", "ninety");

    /** One lesson as the guide sees it. */
    record Lesson(String name, List<String> exercises, boolean ffm, boolean otherUsers) {

        String number() {
            return name.substring(0, 2);
        }
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]);
        List<Lesson> lessons = lessons(root);
        if (lessons.stream().allMatch(lesson -> lesson.exercises().isEmpty())) {
            throw new IllegalStateException("no exercise lists in " + root.resolve("exercises")
                    + ": the exercise modules write them (./mvnw verify builds them first)");
        }
        Path out = Path.of(args[1]);
        Files.createDirectories(out.getParent());
        Files.write(out, adoc(lessons), StandardCharsets.UTF_8);
    }

    static List<Lesson> lessons(Path root) throws IOException {
        List<Lesson> lessons = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(d -> d.getFileName().toString().matches("\\d\\d-[a-z-]+"))
                    .filter(d -> Files.isDirectory(d.resolve("src/main/java"))).sorted().toList()) {
                String name = dir.getFileName().toString();
                lessons.add(new Lesson(name, ExerciseList.titles(root.resolve("exercises").resolve(name)),
                        anySourceMatches(dir.resolve("src/main/java"), FFM),
                        anySourceMatches(dir.resolve("src"), OTHER_USERS)));
            }
        }
        return lessons;
    }

    static List<String> adoc(List<Lesson> lessons) {
        int count = lessons.stream().mapToInt(lesson -> lesson.exercises().size()).sum();
        List<String> ffm = lessons.stream().filter(Lesson::ffm).map(Lesson::number).toList();
        List<String> users = lessons.stream().filter(Lesson::otherUsers).map(Lesson::number).toList();
        List<String> lines = new ArrayList<>();
        lines.add("// Written by the build (uds.support.testing.TrackFacts): do not edit.");
        lines.add("// tag::attributes[]");
        lines.add(":lesson-count: " + lessons.size());
        lines.add(":exercise-count: " + count);
        lines.add(":exercise-count-words: " + capitalized(words(count)));
        lines.add(":ffm-lessons: " + span(ffm));
        lines.add(":other-user-lessons: " + span(users));
        lines.add("// end::attributes[]");
        lines.add("// tag::table[]");
        lines.add("[cols=\"2,4,1,1\",options=\"header\"]");
        lines.add("|===");
        lines.add("| Lesson | Exercises | FFM calls | Steps as other users (root)");
        for (Lesson lesson : lessons) {
            lines.add("");
            lines.add("| xref:" + lesson.name() + ".adoc#_checked_exercises[" + lesson.name() + "]");
            lines.add("| " + (lesson.exercises().isEmpty() ? "none" : String.join(" +\n", lesson.exercises())));
            lines.add("| " + (lesson.ffm() ? "yes" : "no"));
            lines.add("| " + (lesson.otherUsers() ? "yes" : "no"));
        }
        lines.add("|===");
        lines.add("// end::table[]");
        return lines;
    }

    /** "02 to 07" for a run of consecutive lessons, "02, 03 and 05" otherwise. */
    static String span(List<String> numbers) {
        if (numbers.isEmpty()) {
            return "none";
        }
        int first = Integer.parseInt(numbers.getFirst());
        int last = Integer.parseInt(numbers.getLast());
        if (numbers.size() > 2 && last - first + 1 == numbers.size()) {
            return numbers.getFirst() + " to " + numbers.getLast();
        }
        if (numbers.size() == 1) {
            return numbers.getFirst();
        }
        return String.join(", ", numbers.subList(0, numbers.size() - 1)) + " and " + numbers.getLast();
    }

    /** 21 as "twenty-one": the guide opens with the count in words. */
    static String words(int n) {
        if (n < 0 || n > 99) {
            return Integer.toString(n);
        }
        if (n < 20) {
            return ONES.get(n);
        }
        return TENS.get(n / 10) + (n % 10 == 0 ? "" : "-" + ONES.get(n % 10));
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static boolean anySourceMatches(Path dir, Pattern pattern) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(file -> file.toString().endsWith(".java")).anyMatch(file -> {
                try {
                    return pattern.matcher(Files.readString(file, StandardCharsets.UTF_8)).find();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private TrackFacts() {
    }
}
