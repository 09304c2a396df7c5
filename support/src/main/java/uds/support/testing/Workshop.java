package uds.support.testing;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The workshop's checker, run by the build in each {@code exercises/NN-name} module (and once
 * more at the end to print the table). It finds the {@link Exercise} test classes of a module,
 * runs them with the JUnit Platform launcher, and says which are solved:
 *
 * <ul>
 * <li>{@code check MODULE RESULTS}: the attendee's run; writes one result file per exercise
 *     into RESULTS, never fails;
 * <li>{@code report RESULTS [ID]}: prints {@code [x] NN.K title} / {@code [ ] NN.K title} for
 *     every exercise, then the first unsolved one's statement, what its test said, and a hint
 *     (with ID: that exercise, and the next hint each time it is checked unsolved);
 * <li>{@code expect-solved MODULE} and {@code expect-unsolved MODULE [RESULTS]}: the default
 *     build's proof that the track is honest (every reference solution passes, every starter as
 *     shipped fails); the second also writes {@code target/exercises.adoc} for the walkthrough,
 *     and with RESULTS the starters' results, as an attendee's first check would;
 * <li>{@code table RESULTS FILE}: the report of those results, kept as a transcript for the
 *     instructor's guide: the table an attendee sees first.
 * </ul>
 */
public final class Workshop {

    /** One exercise, and how its tests went. */
    record Result(Exercise exercise, String testClass, boolean solved, String failure) {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        String mode = args[0];
        switch (mode) {
            case "check" -> check(Path.of(args[1]), Path.of(args[2]));
            case "report" -> System.exit(Report.print(Path.of(args[1]), optionalArgument(args, 2), out));
            case "expect-solved" -> System.exit(expect(Path.of(args[1]), true, Optional.empty(), out));
            case "expect-unsolved" -> System.exit(expect(Path.of(args[1]), false, optionalArgument(args, 2).map(Path::of), out));
            case "table" -> table(Path.of(args[1]), Path.of(args[2]));
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        }
    }

    private static Optional<String> optionalArgument(String[] args, int index) {
        return args.length > index && !args[index].isBlank() ? Optional.of(args[index].strip()) : Optional.empty();
    }

    /**
     * Runs every exercise of the module (also when one is asked for: the others' lines in the
     * table stay true) and replaces the module's results with what happened now.
     */
    private static void check(Path module, Path results) throws Exception {
        record(module, run(module), results);
    }

    /** Replaces the module's result files in RESULTS with these results. */
    private static void record(Path module, List<Result> run, Path results) throws IOException {
        Files.createDirectories(results);
        String lesson = module.getFileName().toString().substring(0, 2);
        try (Stream<Path> old = Files.list(results)) {
            for (Path file : old.filter(f -> f.getFileName().toString().startsWith(lesson + ".")).toList()) {
                Files.delete(file);
            }
        }
        if (run.isEmpty()) { // with the workshop profile, a compile error does not stop the build
            Files.writeString(results.resolve(lesson + ".broken"),
                    module.getFileName() + " does not compile: the compiler's errors are above");
            return;
        }
        for (Result result : run) {
            write(result, ExerciseList.starter(module, result.exercise().file()),
                    results.resolve(result.exercise().id() + ".properties"));
        }
    }

    /** The table an attendee sees first, from the starters' results, with the transcript's first line. */
    private static void table(Path results, Path file) throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(text, true, StandardCharsets.UTF_8)) {
            Report.print(results, Optional.empty(), out);
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, Capture.line() + "\n" + text.toString(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    private static int expect(Path module, boolean solved, Optional<Path> record, PrintStream out) throws Exception {
        List<Result> results = run(module);
        if (results.isEmpty()) {
            out.println("error: no @Exercise test classes in " + module.resolve("target/test-classes"));
            return 1;
        }
        if (!solved) {
            ExerciseList.write(module, results.stream().map(Result::exercise).toList());
        }
        if (record.isPresent()) {
            record(module, results, record.get());
        }
        int wrong = 0;
        for (Result result : results) {
            if (result.solved() != solved) {
                wrong++;
                out.println("error: exercise " + result.exercise().id() + " (" + result.testClass() + "): "
                        + (solved ? "the reference solution fails its tests: " + result.failure()
                                  : "the starter as shipped already passes its tests; it must fail until solved"));
            }
        }
        return wrong == 0 ? 0 : 1;
    }

    // tag::run[]
    /** Runs each exercise's test class with the JUnit Platform launcher, in order of id. */
    static List<Result> run(Path module) throws IOException {
        Launcher launcher = LauncherFactory.create();
        List<Result> results = new ArrayList<>();
        for (Class<?> test : exerciseClasses(module.resolve("target/test-classes"))) {
            SummaryGeneratingListener listener = new SummaryGeneratingListener();
            launcher.execute(LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(test))
                    .configurationParameter("junit.jupiter.execution.timeout.default", "30 s")
                    .configurationParameter("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD")
                    .build(), listener);
            TestExecutionSummary summary = listener.getSummary();
            boolean solved = summary.getTestsFailedCount() == 0 && summary.getTestsSucceededCount() > 0
                    && summary.getContainersFailedCount() == 0;
            results.add(new Result(test.getAnnotation(Exercise.class), test.getSimpleName(), solved,
                    solved ? "" : firstFailure(summary)));
        }
        results.sort(Comparator.comparing(result -> result.exercise().id()));
        return results;
    }
    // end::run[]

    private static String firstFailure(TestExecutionSummary summary) {
        if (summary.getFailures().isEmpty()) {
            return "no test ran";
        }
        TestExecutionSummary.Failure failure = summary.getFailures().getFirst();
        Throwable cause = failure.getException();
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName()
                : cause instanceof AssertionError ? cause.getMessage() : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return failure.getTestIdentifier().getDisplayName() + ": " + message;
    }

    private static List<Class<?>> exerciseClasses(Path testClasses) throws IOException {
        List<Class<?>> classes = new ArrayList<>();
        if (!Files.isDirectory(testClasses)) {
            return classes; // the tests did not compile: the module's exercises stay unsolved
        }
        try (Stream<Path> files = Files.walk(testClasses)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                String name = testClasses.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                try {
                    Class<?> type = Class.forName(name, false, Workshop.class.getClassLoader());
                    if (type.isAnnotationPresent(Exercise.class)) {
                        classes.add(type);
                    }
                } catch (ClassNotFoundException | LinkageError e) {
                    // a test that cannot load (the starter does not compile) is found by its result file missing
                }
            }
        }
        return classes;
    }

    private static void write(Result result, String starter, Path file) throws IOException {
        Properties properties = new Properties();
        Exercise exercise = result.exercise();
        properties.setProperty("id", exercise.id());
        properties.setProperty("title", exercise.title());
        properties.setProperty("step", exercise.step());
        properties.setProperty("file", starter);
        properties.setProperty("statement", exercise.statement());
        properties.setProperty("hints", Integer.toString(exercise.hints().length));
        for (int i = 0; i < exercise.hints().length; i++) {
            properties.setProperty("hint." + (i + 1), exercise.hints()[i]);
        }
        properties.setProperty("solved", Boolean.toString(result.solved()));
        properties.setProperty("failure", result.failure());
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(writer, null);
        }
    }

    static Properties read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private Workshop() {
    }
}
