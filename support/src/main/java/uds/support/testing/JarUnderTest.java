package uds.support.testing;

import java.nio.file.Path;

import uds.support.LessonJar;

/** The lesson's runnable jar that failsafe names in the system property lesson.jar. */
public final class JarUnderTest {

    public static LessonJar get() {
        String jar = System.getProperty("lesson.jar");
        if (jar == null) {
            throw new IllegalStateException("lesson.jar is not set: run this test through failsafe (./mvnw verify)");
        }
        return new LessonJar(Path.of(jar));
    }

    private JarUnderTest() {
    }
}
