package uds.support.testing;

import java.io.IOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The base of every lesson's {@code AttackIT}: one {@link AttackScene} for the class, opened
 * before its first test and closed (its transcript written) after the last; the tests run in
 * the order of their {@code @Order}, as the walkthrough tells them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public abstract class AttackTests {

    /** Null when not root: the tests, each {@link RequiresRoot}, are skipped then. */
    protected static AttackScene scene;

    @BeforeAll
    static void openScene() throws IOException {
        scene = AttackScene.open("attacks");
    }

    @AfterAll
    static void closeScene() throws IOException {
        if (scene != null) {
            scene.close();
        }
    }
}
