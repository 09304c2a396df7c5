package uds.pathsocket;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** This lesson's runnable jar, started in a new JVM the way a learner starts it from a shell. */
record LessonJar(Path jar) {

    /** The jar this class was loaded from (the demo runs from it). */
    static LessonJar running() {
        try {
            return new LessonJar(Path.of(LessonJar.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code java -jar JAR ARGS...}, with the java that runs this JVM (JDK 25, even when PATH has an older one). */
    List<String> command(String... args) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-jar", jar.toString()));
        command.addAll(List.of(args));
        return command;
    }
}
