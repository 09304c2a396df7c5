package uds.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class CommandLineTest {

    private final List<String> seen = new ArrayList<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private final CommandLine commandLine = new CommandLine("demo.jar", "usage: java -jar demo.jar\n")
            .command("client", Options.values("--socket").andFlags("--jdk").andOperands(), arguments -> {
                seen.add("socket=" + arguments.value("--socket").orElse("-"));
                seen.add("jdk=" + arguments.flag("--jdk"));
                seen.add("operands=" + arguments.operands());
            })
            .command("server", Options.values("--socket"), arguments -> {
                throw new IOException("address in use");
            })
            .command("crash", Options.none(), arguments -> {
                throw new NullPointerException("a bug");
            });

    private int run(String... args) {
        return commandLine.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void optionsOperandsAndDoubleDash() {
        assertEquals(0, run("client", "--socket", "/tmp/s", "hello", "--jdk", "--", "--not-an-option", "-1"));
        assertEquals(List.of("socket=/tmp/s", "jdk=true", "operands=[hello, --not-an-option, -1]"), seen);
    }

    @Test
    void anOptionCanTakeItsValueAfterAnEqualsSign() {
        assertEquals(0, run("client", "--socket=/tmp/s"));
        assertEquals("socket=/tmp/s", seen.getFirst());
    }

    @Test
    void eachCommandAcceptsOnlyItsOwnOptions() {
        assertEquals(2, run("server", "--jdk"));
        assertEquals("error: server does not take the option --jdk\ntry: java -jar demo.jar --help\n", err());
    }

    @Test
    void misuseExits2WithOneLineAndAHint() {
        assertEquals(2, run());
        assertEquals(2, run("launch"));
        assertEquals(2, run("client", "--socket"));
        assertEquals(2, run("server", "stray"));
        assertEquals(List.of(), seen, "no command ran");
        assertEquals(8, err().lines().count(), err());
    }

    @Test
    void helpAnywhereBeforeTheDoubleDashShowsTheUsage() {
        for (String[] help : new String[][] {{"--help"}, {"-h"}, {"help"}, {"client", "x", "--help"}, {"server", "-h"}}) {
            out.reset();
            assertEquals(0, run(help));
            assertEquals("usage: java -jar demo.jar\n", out.toString(StandardCharsets.UTF_8));
        }
        assertEquals(List.of(), seen);
        assertEquals(0, run("client", "--", "--help"));
        assertEquals("operands=[--help]", seen.getLast());
    }

    @Test
    void aFailureIsOneErrorLineAndExit1() {
        assertEquals(1, run("server"));
        assertEquals("error: address in use\n", err());
    }

    @Test
    void anUnexpectedFailureSaysWhatItWasAndWhereAfterItsErrorLine() {
        assertEquals(1, run("crash"));
        List<String> lines = err().lines().toList();
        assertEquals("error: unexpected NullPointerException: a bug (stack trace below)", lines.getFirst());
        assertEquals("java.lang.NullPointerException: a bug", lines.get(1));
        assertTrue(lines.get(2).startsWith("\tat "), lines.get(2));
    }

    @Test
    void debugAddsTheStackTraceOfAnExpectedFailureAndIsNoOperand() {
        assertEquals(1, run("server", "--debug"));
        List<String> lines = err().lines().toList();
        assertEquals("error: address in use", lines.getFirst());
        assertTrue(lines.get(1).startsWith("java.io.IOException: address in use"), lines.get(1));
        err.reset();
        assertEquals(0, run("client", "--", "--debug"));
        assertEquals("operands=[--debug]", seen.getLast());
    }

    @Test
    void nothingOfTheUserCanBreakTheErrorLine() {
        assertEquals(2, run("server", "--evil\n\u001b[31m"));
        assertEquals("error: server does not take the option --evil\\n\\x1b[31m", err().lines().findFirst().orElseThrow());
    }
}
