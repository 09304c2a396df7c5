package uds.support;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line read as UTF-8 whatever the locale.
 *
 * <p>The JVM decodes argv with the locale's charset ({@code sun.jnu.encoding}): under
 * {@code LANG=C} that is ASCII, and every byte of "grüße" beyond ASCII becomes '?', so two
 * different names can arrive as the same string. Linux keeps the bytes as they were typed in
 * {@code /proc/self/cmdline}; the program's own arguments are its last entries.
 */
final class Utf8Arguments {

    static String[] decode(String[] args) throws UsageException {
        Charset locale = Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"), StandardCharsets.UTF_8);
        if (locale.equals(StandardCharsets.UTF_8) || args.length == 0) {
            return args;
        }
        List<byte[]> raw = lastEntries(args.length);
        if (raw == null || !matches(raw, args)) {
            if (allAscii(args)) {
                return args;
            }
            throw cannotRead(locale);
        }
        String[] decoded = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            try {
                decoded[i] = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(raw.get(i))).toString();
            } catch (CharacterCodingException e) {
                throw new UsageException("argument " + (i + 1) + " is not UTF-8 text: " + args[i]);
            }
        }
        return decoded;
    }

    /** The last count NUL-terminated entries of /proc/self/cmdline, or null if unreadable. */
    private static List<byte[]> lastEntries(int count) {
        byte[] cmdline;
        try {
            cmdline = Files.readAllBytes(Path.of("/proc/self/cmdline"));
        } catch (IOException e) {
            return null;
        }
        List<byte[]> entries = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < cmdline.length; i++) {
            if (cmdline[i] == 0) {
                byte[] entry = new byte[i - start];
                System.arraycopy(cmdline, start, entry, 0, entry.length);
                entries.add(entry);
                start = i + 1;
            }
        }
        return entries.size() < count ? null : entries.subList(entries.size() - count, entries.size());
    }

    /** The entries are our arguments if every entry that is plain ASCII reads the same. */
    private static boolean matches(List<byte[]> raw, String[] args) {
        for (int i = 0; i < args.length; i++) {
            String ascii = new String(raw.get(i), StandardCharsets.ISO_8859_1);
            if (isAscii(ascii) && !ascii.equals(args[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean allAscii(String[] args) {
        for (String arg : args) {
            if (!isAscii(arg) || arg.indexOf('?') >= 0 || arg.indexOf('\uFFFD') >= 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAscii(String text) {
        return text.chars().allMatch(c -> c < 0x80);
    }

    private static UsageException cannotRead(Charset locale) {
        return new UsageException("cannot read the command line as UTF-8: this locale's charset is "
                + locale.name() + "; run with a UTF-8 locale, e.g. LANG=C.UTF-8");
    }

    private Utf8Arguments() {
    }
}
