package uds.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PrintableTest {

    @Test
    void controlCharactersBecomeEscapesAndTextStays() {
        assertEquals("hello\\nfrom pid=1: I am root", Printable.line("hello\nfrom pid=1: I am root"));
        assertEquals("\\x1b[31mred\\x1b[0m \\t \\\\ grüße", Printable.line("\u001b[31mred\u001b[0m \t \\ grüße"));
        assertEquals("\\x00\\x7f\\u2028", Printable.line("\u0000\u007f\u2028"));
    }
}
