package uds.pathsocket;

import java.util.List;

import org.junit.jupiter.api.Test;

import uds.support.testing.TourOutput;

/** The tour runs from the jar and shows each step; its output becomes the walkthrough's transcript. */
class DemoIT {

    @Test
    void theTourShowsEveryStepInOrder() throws Exception {
        TourOutput.check(List.of(
                "-- 1\\. ",
                "server \\| listening on .*/echo.sock \\(mode 0600\\)",
                "the file: srw------- echo.sock",
                "client \\| hello",
                "client \\| grüß dich",
                "-- 2a\\. ",
                "second server \\| error: already serving: another server \\(pid \\d+\\) holds .*/echo.sock.lock",
                "client \\| still here\\?",
                "-- 2b\\. ",
                "\\$ kill -KILL \\d+",
                "the lock: -rw.* echo.sock.lock",
                "client \\| error: nothing listens on .*: the socket file is stale \\(its server is gone\\)",
                "-- 2c\\. ",
                "server \\| removed stale socket .*/echo.sock",
                "server \\| listening on .*/echo.sock \\(mode 0666\\)",
                "-- 2d\\. ",
                "server \\| error: .*/data.sock exists and is not a socket: refusing to touch it;.*",
                "still holding: precious data",
                "-- 3\\. ",
                "the file: srw-rw-rw- echo.sock",
                "-- 4\\. ",
                "server \\| error: socket path is \\d+ bytes long; sun_path holds at most 107 bytes.*",
                "-- 5\\. ",
                "client \\| same server",
                "client \\| same server, other library",
                "-- 6\\. ",
                "server \\| removed .*/echo.sock",
                "the file: echo.sock is gone"));
    }
}
