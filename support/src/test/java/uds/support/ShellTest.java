package uds.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class ShellTest {

    @Test
    void plainWordsStayPlain() {
        assertEquals("java -jar 01-path-socket.jar --socket /tmp/a.sock grüße uds-démo-12",
                Shell.line(List.of("java", "-jar", "01-path-socket.jar", "--socket", "/tmp/a.sock", "grüße", "uds-démo-12")));
    }

    @Test
    void quotesWhatBashWouldSplitOrExpand() {
        assertEquals("'grüß dich'", Shell.quote("grüß dich"));
        assertEquals("''", Shell.quote(""));
        assertEquals("'still here?'", Shell.quote("still here?"));
        assertEquals("'it'\\''s'", Shell.quote("it's"));
        assertEquals("'$HOME'", Shell.quote("$HOME"));
    }

    @Test
    void controlCharactersUseAnsiCQuoting() {
        assertEquals("$'SET motd hi\\nadmin=yes'", Shell.quote("SET motd hi\nadmin=yes"));
        assertEquals("$'it\\'s\\x1b'", Shell.quote("it's\u001b"));
    }
}
