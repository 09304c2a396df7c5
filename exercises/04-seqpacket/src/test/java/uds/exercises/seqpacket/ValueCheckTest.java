package uds.exercises.seqpacket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import uds.support.testing.Exercise;

@Exercise(id = "04.2", title = "Refuse a value that would write a second line", step = "Step 3: bad input is answered, never fatal",
        file = "ValueCheck.java",
        statement = "`check(value)` must refuse any value that could end its line in the file: a newline, a carriage"
                + " return, or a NUL.",
        hints = {
            "`SET motd hi\\radmin=yes` is a second setting for every reader that ends lines at `\\r`.",
            "A C program reading the file stops a string at `\\0`: refuse that too."})
class ValueCheckTest {

    @Test
    void anOrdinaryValuePasses() {
        assertEquals("hello world = yes", ValueCheck.check("hello world = yes"));
    }

    @Test
    void everyLineEndIsRefused() {
        for (String injected : new String[] {"hi\nadmin=yes", "hi\radmin=yes", "hi\0admin=yes"}) {
            assertThrows(IllegalArgumentException.class, () -> ValueCheck.check(injected),
                    injected.replace("\n", "\\n").replace("\r", "\\r").replace("\0", "\\0"));
        }
    }
}
