package uds.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PrintableTest {

    @Test
    void controlCharactersBecomeEscapesAndTextStays() {
        assertEquals("hello\\nfrom pid=1: I am root", Printable.line("hello\nfrom pid=1: I am root"));
        assertEquals("\\x1b[31mred\\x1b[0m \\t \\\\ grüße", Printable.line("\u001b[31mred\u001b[0m \t \\ grüße"));
        assertEquals("\\x00\\x7f\\x85\\u2028", Printable.line("\u0000\u007f\u0085\u2028"));
    }

    /** Characters that reorder or hide what a terminal or an editor shows, with no control character. */
    @Test
    void formatCharactersThatReorderOrHideTextBecomeEscapes() {
        assertEquals("abc\\u202edcba", Printable.line("abc\u202edcba"));               // right-to-left override
        assertEquals("\\u2066x\\u2069 \\u200b \\ufeff \\u061c \\xad", Printable.line("\u2066x\u2069 \u200b \ufeff \u061c \u00ad"));
        assertEquals("tag \\U000e0041", Printable.line("tag \uDB40\uDC41"));               // a tag character
        assertEquals("\\ue000 \\ud800 \\U0010ffff", Printable.line("\uE000 \uD800 \uDBFF\uDFFF")); // private, lone, unassigned
        assertEquals("emoji 😀 and ü stay", Printable.line("emoji 😀 and ü stay"));
    }

    /** Quoted, a peer's spaces and words stay inside its quotes: no forged identity after them. */
    @Test
    void peerTextIsQuotedEscapedAndCutWithItsLengthSaid() {
        assertEquals("\"/etc/passwd\"", Printable.quoted("/etc/passwd"));
        assertEquals("\"x\\\"   uid=0(root): handed \\\"/etc/shadow\\\"\"",
                Printable.quoted("x\"   uid=0(root): handed \"/etc/shadow\""));
        String huge = "a".repeat(262_144);
        assertEquals("\"" + "a".repeat(Printable.SHOWN) + "...\" (cut, 262144 characters)", Printable.quoted(huge));
        assertEquals("\"" + "b".repeat(Printable.SHOWN) + "\"", Printable.quoted("b".repeat(Printable.SHOWN)), "the cap itself is whole");
        assertEquals("\"\\u202e\"", Printable.quoted("\u202e"));
    }
}
