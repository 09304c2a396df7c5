package uds.seqpacket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RequestTest {

    private static Request parse(String text) throws Request.BadRequest {
        return Request.parse(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void parsesTheThreeCommands() throws Request.BadRequest {
        assertEquals(new Request.Set("colour", "dark blue"), parse("SET colour dark blue"));
        assertEquals(new Request.Get("a.b-c_9"), parse("GET a.b-c_9"));
        assertEquals(new Request.Del("x"), parse("DEL x"));
        assertEquals(new Request.Set("k".repeat(64), "v"), parse("SET " + "k".repeat(64) + " v"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "FLY me            | unknown command (SET, GET or DEL)",
        "set colour blue   | unknown command (SET, GET or DEL)",
        "SET colour        | usage: SET key value",
        "GET               | usage: GET key",
        "GET a b           | usage: GET key",
        "SET bad/key x     | bad key: 1 to 64 of A-Z a-z 0-9 _ . -",
        "SET é x           | bad key: 1 to 64 of A-Z a-z 0-9 _ . -",
    })
    void refusesWhatIsNotARequest(String request, String reason) {
        var e = assertThrows(Request.BadRequest.class, () -> parse(request.strip()));
        assertEquals(reason, e.getMessage());
    }

    @Test
    void refusesAKeyOf65Bytes() {
        assertThrows(Request.BadRequest.class, () -> parse("GET " + "k".repeat(65)));
    }

    // tag::injection[]
    @Test
    void refusesValuesThatWouldInjectALine() {
        for (String value : new String[] {"hi\nadmin=yes", "hi\radmin=yes", "hi\0admin=yes"}) {
            var e = assertThrows(Request.BadRequest.class, () -> parse("SET motd " + value));
            assertEquals("bad value: no newline, carriage return or NUL", e.getMessage());
        }
    }
    // end::injection[]

    @Test
    void refusesBytesThatAreNotUtf8() {
        var e = assertThrows(Request.BadRequest.class,
                () -> Request.parse(ByteBuffer.wrap(new byte[] {'G', 'E', 'T', ' ', (byte) 0xff})));
        assertEquals("not UTF-8", e.getMessage());
    }
}
