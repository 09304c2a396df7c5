package uds.support.testing;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A lesson's smallest programs, package {@code uds.<name>.minimal}: the snippet people copy.
 * What makes them copyable is checked here: each file compiles alone with nothing but the JDK
 * and junixsocket, imports nothing of this course, and is at most {@link #MAX_LINES} lines of
 * code (its header comment and imports not counted), none wider than {@link #MAX_COLUMNS}.
 */
public final class SmallestProgram {

    /** The most lines of code one file of a smallest program may have. */
    public static final int MAX_LINES = 80;

    /** The widest line: a listing a phone or a printed page shows without wrapping. */
    public static final int MAX_COLUMNS = 90;

    /** The module's sources of package uds.NAME.minimal, for a test run from the module's folder. */
    public static List<Path> sources(String lessonPackage) throws IOException {
        Path dir = Path.of("src/main/java", lessonPackage.replace('.', '/'), "minimal");
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
        }
    }

    /** One of the lesson's smallest programs by class name, for {@link #sourceLaunch}. */
    public static Path source(String lessonPackage, String className) throws IOException {
        return sources(lessonPackage).stream().filter(file -> file.endsWith(className + ".java")).findFirst()
                .orElseThrow(() -> new IOException("no " + className + ".java in " + lessonPackage + ".minimal"))
                .toAbsolutePath();
    }

    /** Lines that are code: not blank, not comments, not the package line or an import. */
    public static long linesOfCode(Path source) throws IOException {
        boolean inComment = false;
        long count = 0;
        for (String raw : Files.readAllLines(source, StandardCharsets.UTF_8)) {
            String line = raw.strip();
            if (inComment) {
                inComment = !line.contains("*/");
            } else if (line.startsWith("/*")) {
                inComment = !line.contains("*/");
            } else if (!line.isEmpty() && !line.startsWith("//") && !line.startsWith("package ")
                    && !line.startsWith("import ")) {
                count++;
            }
        }
        return count;
    }

    /**
     * Compiles sources into out with javac and a class path of junixsocket's jars only (taken
     * from this JVM's class path), and those of the libraries whose jar names start with one of
     * alsoLibraries (09's Jetty): the compiler's messages, empty when it compiled.
     */
    public static String compileAlone(List<Path> sources, Path out, String... alsoLibraries) {
        List<String> prefixes = new ArrayList<>(List.of("junixsocket-"));
        prefixes.addAll(List.of(alsoLibraries));
        String libraries = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> prefixes.stream().anyMatch(Path.of(entry).getFileName().toString()::startsWith))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-cp", libraries,
                "-proc:none", "-Xlint:all,-classfile,-restricted", "-Werror")); // junixsocket's annotations; FFM is restricted by nature
        sources.forEach(source -> args.add(source.toString()));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        int exit = javac.run(null, messages, messages, args.toArray(String[]::new));
        String text = messages.toString(StandardCharsets.UTF_8);
        return exit == 0 ? text : "javac exit " + exit + ":\n" + text;
    }

    /** {@code java [--enable-native-access=ALL-UNNAMED] FILE.java ARGS}: a source-file program, no build. */
    public static List<String> sourceLaunch(Path source, String... args) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", source.toString()));
        command.addAll(List.of(args));
        return command;
    }

    /**
     * Fails, saying why, unless every source is short, imports nothing of the course and
     * compiles alone (with junixsocket, and the libraries named by alsoLibraries' jar prefixes).
     */
    public static void check(List<Path> sources, Path out, String... alsoLibraries) throws IOException {
        if (sources.size() != 2) {
            throw new AssertionError("a smallest program is two files, one per side: " + sources);
        }
        checkEach(sources, out, alsoLibraries);
    }

    /**
     * The same for a lesson whose server is a real program, not ours (10's PostgreSQL): one
     * file, the client.
     */
    public static void checkClientOfRealServer(List<Path> sources, Path out, String... alsoLibraries) throws IOException {
        if (sources.size() != 1) {
            throw new AssertionError("the client of a real server is one file: " + sources);
        }
        checkEach(sources, out, alsoLibraries);
    }

    private static void checkEach(List<Path> sources, Path out, String... alsoLibraries) throws IOException {
        for (Path source : sources) {
            long lines = linesOfCode(source);
            if (lines > MAX_LINES) {
                throw new AssertionError(source + ": " + lines + " lines of code, more than " + MAX_LINES);
            }
            for (String line : Files.readAllLines(source, StandardCharsets.UTF_8)) {
                if (line.codePointCount(0, line.length()) > MAX_COLUMNS) {
                    throw new AssertionError(source + ": a line wider than " + MAX_COLUMNS + " columns: " + line);
                }
            }
            if (Files.readAllLines(source).stream().anyMatch(line -> line.startsWith("import uds.")
                    || line.startsWith("import static uds."))) {
                throw new AssertionError(source + " imports the course's own code: it must stand alone");
            }
        }
        for (Path source : sources) { // each side alone: one file is all a reader copies
            String messages = compileAlone(List.of(source), Files.createTempDirectory(out, "javac-"), alsoLibraries);
            if (!messages.isEmpty()) {
                throw new AssertionError(source + " does not compile alone with the JDK, junixsocket and "
                        + List.of(alsoLibraries) + ":\n" + messages);
            }
        }
    }

    private SmallestProgram() {
    }
}
