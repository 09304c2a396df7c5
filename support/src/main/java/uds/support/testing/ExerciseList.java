package uds.support.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a module's checked exercises as AsciiDoc ({@code target/exercises.adoc}), for the
 * walkthrough to include: the statements and hints on the page are the ones the checker shows,
 * taken from the same annotations, never typed twice; the starter and the reference solution
 * (folded) are included from their files, so the site and the PDF hold them whole.
 */
final class ExerciseList {

    /** Each exercise's heading in the list: {@code ==== NN.K Title}. */
    private static final String HEADING = "==== ";

    static void write(Path module, List<Exercise> exercises) throws IOException {
        String name = module.getFileName().toString();
        List<String> lines = new ArrayList<>();
        for (Exercise exercise : exercises) {
            String pkg = packageOf(module, exercise.file());
            lines.add("[[exercise-" + exercise.id().replace('.', '-') + "]]");
            lines.add(HEADING + exercise.id() + " " + exercise.title());
            lines.add("");
            lines.add(exercise.statement() + " (It deepens _" + exercise.step() + "_.)");
            lines.add("");
            lines.add("[%unbreakable]"); // in the PDF, the sentence stays with its listing
            lines.add("--");
            lines.add("Edit `" + starter(module, exercise.file())
                    + "`, then check it with `./mvnw -q -Pworkshop verify -Dexercise=" + exercise.id() + "`:");
            lines.add("");
            lines.add("[source,java]");
            lines.add("----");
            lines.add("include::{exercises}/" + name + "/src/main/java/" + pkg + "/" + exercise.file() + "[]");
            lines.add("----");
            lines.add("--");
            lines.add("");
            for (int i = 0; i < exercise.hints().length; i++) {
                lines.add(".Hint " + (i + 1));
                lines.add("[%collapsible]");
                lines.add("====");
                lines.add(exercise.hints()[i]);
                lines.add("====");
                lines.add("");
            }
            lines.add(".The reference solution, `exercises/" + name + "/src/solution/java/" + pkg + "/"
                    + exercise.file() + "`");
            lines.add("[%collapsible]");
            lines.add("====");
            lines.add("[source,java]");
            lines.add("----");
            lines.add("include::{exercises}/" + name + "/src/solution/java/" + pkg + "/" + exercise.file() + "[]");
            lines.add("----");
            lines.add("====");
            lines.add("");
        }
        Files.write(module.resolve("target/exercises.adoc"), lines, StandardCharsets.UTF_8);
    }

    /**
     * "NN.K Title" for each exercise in a module's list, in its order, as {@link #write} left
     * it; none when the module has not written one.
     */
    static List<String> titles(Path module) throws IOException {
        Path list = module.resolve("target/exercises.adoc");
        if (!Files.isRegularFile(list)) {
            return List.of();
        }
        return Files.readAllLines(list, StandardCharsets.UTF_8).stream()
                .filter(line -> line.startsWith(HEADING)).map(line -> line.substring(HEADING.length())).toList();
    }

    /** {@code exercises/NN-name/src/main/java/uds/.../File.java}: the file the attendee edits. */
    static String starter(Path module, String file) throws IOException {
        return "exercises/" + module.getFileName() + "/src/main/java/" + packageOf(module, file) + "/" + file;
    }

    /** The package folder of the file, found where the starter is. */
    private static String packageOf(Path module, String file) throws IOException {
        Path main = module.resolve("src/main/java");
        try (var files = Files.walk(main)) {
            return files.filter(f -> f.getFileName().toString().equals(file))
                    .map(f -> main.relativize(f.getParent()).toString())
                    .findFirst()
                    .orElseThrow(() -> new IOException("no " + file + " in " + main));
        }
    }

    private ExerciseList() {
    }
}
