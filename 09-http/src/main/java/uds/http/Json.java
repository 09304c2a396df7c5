package uds.http;

import java.util.Iterator;
import java.util.Map;

/** JSON text for the service's small answers: an object of strings, numbers and lists, escaped. */
final class Json {

    /** {@code {"a":1,"b":"x"}}, in the map's order: values are String, Number, Boolean or Iterable. */
    static String object(Map<String, ?> fields) {
        StringBuilder json = new StringBuilder("{");
        for (Iterator<? extends Map.Entry<String, ?>> it = fields.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, ?> field = it.next();
            json.append(string(field.getKey())).append(':').append(value(field.getValue()));
            if (it.hasNext()) {
                json.append(',');
            }
        }
        return json.append('}').toString();
    }

    private static String value(Object value) {
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof Iterable<?> items) {
            StringBuilder json = new StringBuilder("[");
            for (Object item : items) {
                json.append(json.length() > 1 ? "," : "").append(value(item));
            }
            return json.append(']').toString();
        }
        return string(String.valueOf(value));
    }

    /** A JSON string: quotes, backslashes and every control character escaped (RFC 8259). */
    static String string(String text) {
        StringBuilder json = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == 0x2028 || c == 0x2029) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }

    private Json() {
    }
}
