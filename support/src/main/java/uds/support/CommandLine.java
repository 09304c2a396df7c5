package uds.support;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A lesson's {@code java -jar NN-name.jar COMMAND [OPTIONS] [--] [ARGS]}: commands, each with
 * its own options, {@code --help} anywhere, {@code --} to end the options.
 *
 * <p>Exit codes, the same for every lesson: 0 done; 1 the command failed, with one line on
 * stderr starting {@code error: }, also for a failure nobody expected; 2 the command line
 * was wrong, with a hint to {@code --help}.
 *
 * <p>A failure nobody planned for (a bug) also prints the exception's type and stack trace
 * after its {@code error: } line, so that it can be reported; {@code --debug}, anywhere before
 * {@code --}, prints the stack trace of every failure.
 */
public final class CommandLine {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    /** The option, accepted by every command, that prints the stack trace of any failure. */
    public static final String DEBUG = "--debug";

    /** What a command does with its arguments. */
    @FunctionalInterface
    public interface Action {
        void run(Arguments arguments) throws Exception;
    }

    private record Command(Options options, Action action) {
    }

    private final String program;
    private final String usage;
    private final Map<String, Command> commands = new LinkedHashMap<>();

    /** program: the jar's name as a learner types it; usage: the text of --help. */
    public CommandLine(String program, String usage) {
        this.program = program;
        this.usage = usage;
    }

    public CommandLine command(String name, Options options, Action action) {
        commands.put(name, new Command(options, action));
        return this;
    }

    /** Runs the command line and exits the JVM with its exit code. */
    public void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line; its exit code. */
    public int run(String[] args, PrintStream out, PrintStream err) {
        List<String> words = new ArrayList<>(Arrays.asList(args));
        int end = words.indexOf("--");
        boolean debug = words.subList(0, end < 0 ? words.size() : end).remove(DEBUG);
        try {
            execute(Utf8Arguments.decode(words.toArray(String[]::new)), out);
            return OK;
        } catch (UsageException e) {
            err.println("error: " + Printable.line(e.getMessage()));
            err.println("try: java -jar " + program + " --help");
            return USAGE;
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) { // said by us, or by the system
            err.println("error: " + Printable.line(String.valueOf(e.getMessage())));
            if (debug) {
                e.printStackTrace(err);
            }
            return FAILED;
        } catch (InterruptedException e) {
            err.println("error: interrupted");
            return FAILED;
        } catch (Throwable e) { // a bug, or a failure nobody planned for: what it was, and where
            Throwable root = rootCause(e);
            if (root instanceof SocketConstants.UnknownArchitecture) { // a refusal of ours, not a bug
                err.println("error: " + Printable.line(root.getMessage()));
                return FAILED;
            }
            err.println("error: unexpected " + Printable.line(root.getMessage() == null ? root.getClass().getName()
                    : root.getClass().getSimpleName() + ": " + root.getMessage()) + " (stack trace below)");
            e.printStackTrace(err);
            return FAILED;
        }
    }

    private void execute(String[] args, PrintStream out) throws Exception {
        if (args.length == 0) {
            throw new UsageException("no command given");
        }
        String name = args[0];
        if (name.equals("--help") || name.equals("-h") || name.equals("help")) {
            out.print(usage);
            return;
        }
        Command command = commands.get(name);
        if (command == null) {
            throw new UsageException("unknown command " + name + " (commands: " + String.join(", ", commands.keySet()) + ")");
        }
        Arguments arguments = Arguments.parse(name, Arrays.asList(args).subList(1, args.length), command.options());
        if (arguments == null) {
            out.print(usage);
            return;
        }
        command.action().run(arguments);
    }

    /** The innermost cause: what actually went wrong, under any wrapping. */
    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
