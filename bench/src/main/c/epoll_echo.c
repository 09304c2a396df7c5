/*
 * epoll_echo.c: the C server of the many-clients bench. One thread, one epoll set, level
 * triggered: it accepts every connection on PATH and echoes what each sends. Its partner:
 * loadgen.c; its rivals in Java: uds.bench.EchoServers.
 *
 *   epoll_echo PATH     prints "ready" once listening; serves until killed
 *
 * The clients send a message only after the echo of the one before, so a write never finds
 * the socket's buffer full: no write queue is needed. Build: gcc -O2 -o epoll_echo epoll_echo.c
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/un.h>

#define EVENTS 512

static void die(const char *what) {
    perror(what);
    exit(1);
}

/* Like any server that expects thousands of clients: as many descriptors as the hard limit allows. */
static void raise_descriptor_limit(void) {
    struct rlimit limit;
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: epoll_echo PATH\n");
        return 2;
    }
    raise_descriptor_limit();
    signal(SIGPIPE, SIG_IGN); /* a peer that hangs up is an error from write, not a reason to die */
    struct sockaddr_un address = {.sun_family = AF_UNIX};
    if (strlen(argv[1]) >= sizeof address.sun_path) {
        fprintf(stderr, "path too long\n");
        return 2;
    }
    strcpy(address.sun_path, argv[1]);
    int listener = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (listener < 0) die("socket");
    if (bind(listener, (struct sockaddr *) &address, sizeof address) < 0) die("bind");
    if (listen(listener, 4096) < 0) die("listen");

    int epoll = epoll_create1(EPOLL_CLOEXEC);
    if (epoll < 0) die("epoll_create1");
    struct epoll_event event = {.events = EPOLLIN, .data.fd = listener};
    if (epoll_ctl(epoll, EPOLL_CTL_ADD, listener, &event) < 0) die("epoll_ctl");
    printf("ready\n");
    fflush(stdout);

    struct epoll_event events[EVENTS];
    char buffer[4096];
    for (;;) {
        int n = epoll_wait(epoll, events, EVENTS, -1);
        if (n < 0) {
            if (errno == EINTR) continue;
            die("epoll_wait");
        }
        for (int i = 0; i < n; i++) {
            int fd = events[i].data.fd;
            if (fd == listener) {
                int connection;
                while ((connection = accept4(listener, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC)) >= 0) {
                    struct epoll_event readable = {.events = EPOLLIN, .data.fd = connection};
                    epoll_ctl(epoll, EPOLL_CTL_ADD, connection, &readable);
                }
                continue; /* EAGAIN: accepted all; EMFILE: the rest wait in the backlog */
            }
            ssize_t got = read(fd, buffer, sizeof buffer);
            if (got <= 0) {
                if (got < 0 && errno == EAGAIN) continue;
                close(fd); /* closing removes it from the epoll set */
                continue;
            }
            ssize_t sent = 0;
            while (sent < got) {
                ssize_t w = write(fd, buffer + sent, (size_t) (got - sent));
                if (w <= 0) break;
                sent += w;
            }
        }
    }
}
