package uds.support.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the test class of one workshop exercise: its tests pass when the exercise is solved.
 * {@link Workshop} finds these classes, runs them, and shows the statement and the hints.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface Exercise {

    /** {@code NN.K}: the lesson, then the exercise's number in it. */
    String id();

    String title();

    /** The walkthrough step the exercise deepens, as the page titles it. */
    String step();

    /** The file the attendee edits, in the test's package (the solution has the same name). */
    String file();

    /** What to do, in a sentence or three. */
    String statement();

    /** Two or three hints, each more help than the one before. */
    String[] hints();
}
