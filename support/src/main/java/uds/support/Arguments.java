package uds.support;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** One command's arguments, parsed by {@link CommandLine} against its {@link Options}. */
public final class Arguments {

    private final String command;
    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private final Set<String> flags = new HashSet<>();
    private final List<String> operands = new ArrayList<>();

    private Arguments(String command) {
        this.command = command;
    }

    /** Parses words (the command line after the command's name); null when --help was asked for. */
    static Arguments parse(String command, List<String> words, Options options) throws UsageException {
        Arguments parsed = new Arguments(command);
        boolean optionsEnded = false;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (optionsEnded || !word.startsWith("-") || word.equals("-")) {
                if (!options.takesOperands()) {
                    throw new UsageException(command + " takes no arguments but options: " + word);
                }
                parsed.operands.add(word);
            } else if (word.equals("--")) {
                optionsEnded = true; // what follows is operands, even if it starts with a dash
            } else if (word.equals("--help") || word.equals("-h")) {
                return null;
            } else {
                int equals = word.indexOf('=');
                String name = equals > 0 ? word.substring(0, equals) : word;
                if (options.isFlag(name) && equals < 0) {
                    parsed.flags.add(name);
                } else if (options.takesValue(name)) {
                    String value;
                    if (equals > 0) {
                        value = word.substring(equals + 1);
                    } else if (i + 1 < words.size()) {
                        value = words.get(++i);
                    } else {
                        throw new UsageException(name + " needs a value");
                    }
                    parsed.values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
                } else {
                    throw new UsageException(command + " does not take the option " + name);
                }
            }
        }
        return parsed;
    }

    public String command() {
        return command;
    }

    /** The option's value (the last one if it was given more than once). */
    public Optional<String> value(String option) {
        List<String> given = values(option);
        return given.isEmpty() ? Optional.empty() : Optional.of(given.getLast());
    }

    /** Every value the option was given, in order. */
    public List<String> values(String option) {
        return values.getOrDefault(option, List.of());
    }

    public String required(String option) throws UsageException {
        return value(option).orElseThrow(() -> new UsageException(command + " needs " + option));
    }

    public boolean flag(String option) {
        return flags.contains(option);
    }

    public List<String> operands() {
        return List.copyOf(operands);
    }

    public Optional<Path> path(String option) throws UsageException {
        Optional<String> value = value(option);
        return value.isEmpty() ? Optional.empty() : Optional.of(toPath(option, value.get()));
    }

    public Path requiredPath(String option) throws UsageException {
        return toPath(option, required(option));
    }

    /** A file name the JVM can hand to the kernel: under LANG=C, only ASCII ones. */
    private static Path toPath(String option, String value) throws UsageException {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new UsageException(option + ": " + value + " cannot be a file name under this locale ("
                    + System.getProperty("sun.jnu.encoding") + "); run with a UTF-8 locale, e.g. LANG=C.UTF-8");
        }
    }

    /** A file mode in octal, 0000 to 0777 (as chmod takes it), or empty if the option was not given. */
    public Optional<Integer> mode(String option) throws UsageException {
        Optional<String> text = value(option);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            int mode = Integer.parseInt(text.get(), 8);
            if (mode >= 0 && mode <= 0777) {
                return Optional.of(mode);
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new UsageException(option + " takes an octal mode from 0000 to 0777, not " + text.get());
    }

    /** A whole number from min to max, or otherwise if the option was not given. */
    public int count(String option, int min, int max, int otherwise) throws UsageException {
        Optional<String> text = value(option);
        if (text.isEmpty()) {
            return otherwise;
        }
        try {
            int number = Integer.parseInt(text.get());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new UsageException(option + " takes a number from " + min + " to " + max + ", not " + text.get());
    }

    /** A uid or gid as a number: 0 to 4294967295 (uid_t is unsigned 32-bit). */
    /** A user by name, or by number (which need not exist in the user database). */
    public static long user(String option, String text) throws UsageException {
        OptionalLong byName = UserDatabase.uidOf(text);
        return byName.isPresent() ? byName.getAsLong() : numbered(option, text, "user");
    }

    /** A group by name, or by number (which need not exist in the group database). */
    public static long group(String option, String text) throws UsageException {
        OptionalLong byName = UserDatabase.gidOf(text);
        return byName.isPresent() ? byName.getAsLong() : numbered(option, text, "group");
    }

    private static long numbered(String option, String text, String kind) throws UsageException {
        try {
            return Integer.toUnsignedLong(Integer.parseUnsignedInt(text));
        } catch (NumberFormatException e) {
            throw new UsageException(option + ": no " + kind + " named " + Printable.line(text));
        }
    }

    public static long id(String option, String text) throws UsageException {
        try {
            return Integer.toUnsignedLong(Integer.parseUnsignedInt(text));
        } catch (NumberFormatException e) {
            throw new UsageException(option + " takes a number from 0 to 4294967295, not " + text);
        }
    }
}
