package uds.seqpacket;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * One request, parsed from one datagram: {@code SET key value}, {@code GET key} or
 * {@code DEL key}. Anything else is a {@link BadRequest}, answered with {@code ERR reason}.
 */
sealed interface Request {

    record Set(String key, String value) implements Request {
    }

    record Get(String key) implements Request {
    }

    record Del(String key) implements Request {
    }

    /** Why a datagram is not a request; the text after "ERR ". */
    final class BadRequest extends Exception {
        BadRequest(String reason) {
            super(reason);
        }
    }

    Pattern KEY = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    // tag::parse[]
    static Request parse(ByteBuffer datagram) throws BadRequest {
        if (!datagram.hasRemaining()) {
            throw new BadRequest("empty request"); // a datagram of 0 bytes is a request too
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(datagram).toString();
        } catch (CharacterCodingException e) {
            throw new BadRequest("not UTF-8");
        }
        String[] words = text.split(" ", 3);
        return switch (words[0]) {
            case "SET" -> {
                if (words.length < 3) {
                    throw new BadRequest("usage: SET key value");
                }
                yield new Set(key(words[1]), value(words[2]));
            }
            case "GET" -> new Get(key(only(words, "GET")));
            case "DEL" -> new Del(key(only(words, "DEL")));
            default -> throw new BadRequest("unknown command (SET, GET or DEL)");
        };
    }
    // end::parse[]

    private static String only(String[] words, String command) throws BadRequest {
        if (words.length != 2) {
            throw new BadRequest("usage: " + command + " key");
        }
        return words[1];
    }

    private static String key(String key) throws BadRequest {
        if (!KEY.matcher(key).matches()) {
            throw new BadRequest("bad key: 1 to 64 of A-Z a-z 0-9 _ . -");
        }
        return key;
    }

    // tag::value[]
    /** The file holds one key=value per line: a newline in a value would write a second entry. */
    private static String value(String value) throws BadRequest {
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0 || value.indexOf('\0') >= 0) {
            throw new BadRequest("bad value: no newline, carriage return or NUL");
        }
        return value;
    }
    // end::value[]
}
