package uds.datagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uds.support.ServerProcess;
import uds.support.testing.Commands;
import uds.support.testing.JarUnderTest;
import uds.support.testing.Transcript;

/**
 * The log service with peers it did not write: util-linux {@code logger}, Python's
 * {@code socket} module and systemd's own sd_notify client, {@code systemd-notify}.
 */
class RealPeersIT {

    @TempDir
    Path dir;

    private ServerProcess server(Transcript transcript) throws Exception {
        return transcript.startIn(dir, JarUnderTest.get().command("server", "--socket", "log.sock"), "receiving on");
    }

    @Test
    void loggerWritesASyslogLine() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/logger")), "no /usr/bin/logger (Debian: util-linux)");
        Transcript transcript = new Transcript();
        try (ServerProcess server = server(transcript)) {
            Commands.Result logger = transcript.recordIn(dir, List.of("logger", "-u", "log.sock", "-t", "backup",
                    "nightly backup done"));
            assertEquals(0, logger.exit(), logger.stderr());
            // <13>: facility user (1) times 8, plus severity notice (5); then the time and the tag.
            String line = transcript.serverSays(server, "nightly backup done").getLast();
            assertTrue(line.matches("from pid=\\d+ uid=.*: \"<13>.* backup: nightly backup done\""), line);
        }
        transcript.write("logger");
    }

    @Test
    void pythonBindsAnAbstractNameAndIsAnswered() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "no /usr/bin/python3");
        Transcript transcript = new Transcript();
        try (ServerProcess server = server(transcript)) {
            String script = """
                    import os, socket
                    s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
                    s.bind("\\0uds-python-%d" % os.getpid())
                    s.sendto(b"hello from python", "log.sock")
                    print(s.recv(100).decode())
                    """;
            Commands.Result python = transcript.recordIn(dir, List.of("/usr/bin/python3", "-c", script));
            assertEquals(new Commands.Result(0, "OK 1\n", ""), python);
            List<String> said = transcript.serverSays(server, "answered OK 1");
            assertTrue(said.getLast().matches("answered OK 1 to \"@uds-python-\\d+\""), said.toString());
        }
        transcript.write("python");
    }

    /**
     * systemd-notify sends READY=1, then BARRIER=1 with a pipe's write end (SCM_RIGHTS), and
     * waits until the receiver has closed it: a receiver that kept it would make it fail.
     */
    @Test
    void systemdNotifyIsToldItWasHeard() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/systemd-notify")), "no systemd-notify (Debian: systemd)");
        Transcript transcript = new Transcript();
        try (ServerProcess server = server(transcript)) {
            ProcessBuilder notify = new ProcessBuilder("systemd-notify", "--ready", "--status=warming up")
                    .directory(dir.toFile());
            Map<String, String> environment = notify.environment();
            environment.put("NOTIFY_SOCKET", dir.resolve("log.sock").toString());
            transcript.note("$ NOTIFY_SOCKET=$PWD/log.sock systemd-notify --ready --status='warming up'");
            Process process = notify.redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            assertEquals(0, process.waitFor(), output);
            assertTrue(transcript.serverSays(server, "READY=1").getLast().endsWith(": \"READY=1\\nSTATUS=warming up\""));
            transcript.serverSays(server, "BARRIER=1");
            assertEquals(List.of("note: closed 1 descriptor the sender attached (SCM_RIGHTS): this receiver takes none"),
                    transcript.serverSays(server, "closed 1 descriptor"));
        }
        transcript.write("systemd-notify");
    }
}
