/*
 * activated_echo.c: lesson 07's server in C, for the first-reply measurement beside the JVM:
 * started by a service manager with a listening socket at descriptor 3 (LISTEN_FDS,
 * LISTEN_PID), it greets each connection and echoes its lines. Its partner: the lesson's
 * client; its rival: uds.socketactivation.ActivatedServer.
 *
 *   systemd-socket-activate -l PATH ./activated_echo
 *
 * Build: gcc -O2 -o activated_echo activated_echo.c
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>

#define SD_LISTEN_FDS_START 3

int main(void) {
    const char *pid = getenv("LISTEN_PID"), *fds = getenv("LISTEN_FDS");
    if (!pid || !fds || atol(pid) != (long) getpid() || atoi(fds) < 1) {
        fprintf(stderr, "error: not socket-activated (LISTEN_PID, LISTEN_FDS)\n");
        return 1;
    }
    signal(SIGPIPE, SIG_IGN);
    unsetenv("LISTEN_PID");
    unsetenv("LISTEN_FDS");
    unsetenv("LISTEN_FDNAMES");
    for (;;) {
        int connection = accept4(SD_LISTEN_FDS_START, NULL, NULL, SOCK_CLOEXEC);
        if (connection < 0) continue;
        /* one connection at a time: enough for a first-reply measurement, not a server to copy */
        const char hello[] = "hello\n";
        write(connection, hello, sizeof hello - 1);
        char buffer[4096];
        ssize_t n;
        while ((n = read(connection, buffer, sizeof buffer)) > 0) {
            if (write(connection, buffer, (size_t) n) != n) break;
        }
        close(connection);
    }
}
