package uds.support.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The test (or every test of the class) needs root: it runs a peer as another user with
 * setpriv, gives a file away, or makes a namespace. Run as anyone else, it is skipped, and
 * the report says why.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RootCondition.class)
public @interface RequiresRoot {

    /** What needs root, said in the skip reason. */
    String value() default "running a process as another user (setpriv)";
}
