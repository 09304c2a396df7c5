package uds.datagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uds.support.testing.Commands;
import uds.support.testing.DirectoryEvents;
import uds.support.testing.JarUnderTest;
import uds.support.testing.Transcript;

/**
 * The lesson's client writing to a real syslog daemon: rsyslog (Debian package rsyslog), run in
 * the foreground with a configuration of its own (imuxsock on a socket in a temporary
 * directory, omfile to a file beside it), and stopped after.
 */
class RsyslogIT {

    private static final Path RSYSLOGD = Path.of("/usr/sbin/rsyslogd");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void aLineFromTheJavaClientLandsInRsyslogsFile() throws Exception {
        assumeTrue(Files.isExecutable(RSYSLOGD), "no rsyslogd (Debian: apt-get install rsyslog)");
        Path socket = dir.resolve("log.sock");
        Path messages = dir.resolve("messages.log");
        Path config = Files.writeString(dir.resolve("rsyslog.conf"), String.join("\n",
                "global(workDirectory=\"" + dir + "\")",
                "module(load=\"imuxsock\" SysSock.Use=\"off\")",
                "input(type=\"imuxsock\" Socket=\"" + socket + "\" CreatePath=\"off\")",
                "*.* action(type=\"omfile\" file=\"" + messages + "\")", ""), StandardCharsets.UTF_8);
        Process rsyslog = new ProcessBuilder(RSYSLOGD.toString(), "-n", "-f", config.toString(),
                "-i", dir.resolve("rsyslogd.pid").toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("rsyslogd.out").toFile()).start();
        try {
            DirectoryEvents.awaitUntil(dir, () -> Files.exists(socket), WAIT, "rsyslogd to create " + socket);
            Transcript transcript = new Transcript();
            transcript.note("$ rsyslogd -n -f rsyslog.conf &    # imuxsock on log.sock, omfile to messages.log");
            // A syslog line starts with <PRI> and a tag: <13> is facility user, severity notice.
            Commands.Result client = transcript.recordIn(dir, JarUnderTest.get().command(
                    "client", "--socket", "log.sock", "<13>uds-java: hello from the lesson's client"));
            assertEquals(new Commands.Result(0, "sent 1 datagram to log.sock\n", ""), client);
            DirectoryEvents.awaitUntil(dir, () -> read(messages).contains("uds-java: hello from the lesson's client"),
                    WAIT, "the line in " + messages);
            List<String> lines = read(messages).lines().filter(line -> line.contains("uds-java:")).toList();
            assertEquals(1, lines.size(), lines.toString());
            transcript.note("$ cat messages.log");
            transcript.note(lines.getFirst());
            transcript.write("rsyslog");
        } finally {
            rsyslog.destroy(); // SIGTERM: rsyslogd closes its files and removes its socket
            rsyslog.waitFor();
        }
        assertTrue(Files.notExists(socket), "rsyslogd removed its socket when it stopped");
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
