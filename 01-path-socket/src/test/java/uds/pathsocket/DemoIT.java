package uds.pathsocket;

import java.util.List;

import org.junit.jupiter.api.Test;

import uds.support.testing.TourOutput;

/** The tour runs from the jar and shows each step; its output becomes the walkthrough's transcript. */
class DemoIT {

    @Test
    void theTourShowsEveryStepInOrder() throws Exception {
        TourOutput.check(List.of(
                "server \\| listening on .*/echo.sock \\(mode 0600\\)",
                "the file: srw------- echo.sock",
                "client \\| hello",
                "client \\| grüß dich",
                "client \\| same server, other library",
                "second server \\| error: already serving: another server \\(pid \\d+\\) holds .*/echo.sock.lock",
                "client \\| still here\\?",
                "\\$ kill -KILL \\d+",
                "the lock: -rw.* echo.sock.lock",
                "client \\| error: nothing listens on .*: the socket file is stale \\(its server is gone\\)",
                "server \\| removed stale socket .*/echo.sock",
                "server \\| listening on .*/echo.sock \\(mode 0666\\)",
                "server \\| removed .*/echo.sock",
                "the file: echo.sock is gone",
                "server \\| error: .*/echo.sock exists and is not a socket: refusing to touch it;.*",
                "still holding: precious data",
                "server \\| error: socket path is \\d+ bytes long; sun_path holds at most 107 bytes.*"));
    }
}
