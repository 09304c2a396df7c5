package uds.support;

import java.util.HashSet;
import java.util.Set;

/**
 * What one command accepts: options that take a value ({@code --socket PATH}, may be given
 * more than once), flags ({@code --jdk}), and whether words that are not options are allowed
 * (its operands, such as the messages a client sends).
 */
public final class Options {

    private final Set<String> values = new HashSet<>();
    private final Set<String> flags = new HashSet<>();
    private boolean operands;

    private Options() {
    }

    /** A command that accepts nothing but --help. */
    public static Options none() {
        return new Options();
    }

    public static Options values(String... names) {
        return none().andValues(names);
    }

    public static Options flags(String... names) {
        return none().andFlags(names);
    }

    public Options andValues(String... names) {
        values.addAll(Set.of(names));
        return this;
    }

    public Options andFlags(String... names) {
        flags.addAll(Set.of(names));
        return this;
    }

    public Options andOperands() {
        operands = true;
        return this;
    }

    boolean takesValue(String name) {
        return values.contains(name);
    }

    boolean isFlag(String name) {
        return flags.contains(name);
    }

    boolean takesOperands() {
        return operands;
    }
}
