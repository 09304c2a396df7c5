/*
 * pingpong.c: the C baseline for the bench module. A minimal AF_UNIX stream client/server
 * pair: the parent binds PATH and forks; the child accepts one connection and serves it;
 * the parent measures. Its partner in Java: uds.bench.RoundTrip and uds.bench.OneWay.
 *
 *   pingpong PATH rtt COUNT        COUNT round trips of 64 bytes, timed one by one
 *   pingpong PATH throughput MIB   MIB mebibytes written in 64 KiB writes, read by the child
 *
 * Prints one line of JSON. Build: gcc -O2 -o pingpong pingpong.c
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>

#define MESSAGE 64
#define CHUNK (64 * 1024)
#define WARMUP 20000

static void die(const char *what) {
    perror(what);
    exit(1);
}

static long long now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000000000LL + t.tv_nsec;
}

/* read exactly n bytes: a stream may return fewer than asked */
static int read_fully(int fd, char *buffer, size_t n) {
    size_t done = 0;
    while (done < n) {
        ssize_t r = read(fd, buffer + done, n - done);
        if (r <= 0) return -1;
        done += (size_t) r;
    }
    return 0;
}

static int write_fully(int fd, const char *buffer, size_t n) {
    size_t done = 0;
    while (done < n) {
        ssize_t w = write(fd, buffer + done, n - done);
        if (w <= 0) return -1;
        done += (size_t) w;
    }
    return 0;
}

static int compare(const void *a, const void *b) {
    long long x = *(const long long *) a, y = *(const long long *) b;
    return (x > y) - (x < y);
}

static void serve(int listener, int echo) {
    int fd = accept(listener, NULL, NULL);
    if (fd < 0) die("accept");
    static char buffer[CHUNK];
    if (echo) {
        while (read_fully(fd, buffer, MESSAGE) == 0 && write_fully(fd, buffer, MESSAGE) == 0) {
        }
    } else {
        while (read(fd, buffer, sizeof buffer) > 0) {
        }
        write_fully(fd, "k", 1); /* all read: tell the writer */
    }
    exit(0);
}

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: pingpong PATH rtt COUNT | pingpong PATH throughput MIB\n");
        return 2;
    }
    int rtt = strcmp(argv[2], "rtt") == 0;
    long amount = atol(argv[3]);
    struct sockaddr_un address = { .sun_family = AF_UNIX };
    if (strlen(argv[1]) >= sizeof address.sun_path) die("path too long");
    strcpy(address.sun_path, argv[1]);

    int listener = socket(AF_UNIX, SOCK_STREAM, 0);
    if (listener < 0) die("socket");
    if (bind(listener, (struct sockaddr *) &address, sizeof address) < 0) die("bind");
    if (listen(listener, 1) < 0) die("listen");
    pid_t child = fork();
    if (child < 0) die("fork");
    if (child == 0) serve(listener, rtt);

    int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    if (fd < 0 || connect(fd, (struct sockaddr *) &address, sizeof address) < 0) die("connect");
    unlink(argv[1]);

    if (rtt) {
        /* tag::c-round-trip[] */
        char message[MESSAGE] = {0};
        long long *times = malloc(sizeof(long long) * (size_t) amount);
        for (long i = 0; i < WARMUP + amount; i++) {
            long long start = now_ns();
            if (write_fully(fd, message, MESSAGE) < 0 || read_fully(fd, message, MESSAGE) < 0) die("round trip");
            if (i >= WARMUP) times[i - WARMUP] = now_ns() - start;
        }
        /* end::c-round-trip[] */
        qsort(times, (size_t) amount, sizeof times[0], compare);
        long long sum = 0;
        for (long i = 0; i < amount; i++) sum += times[i];
        printf("{\"mode\":\"rtt\",\"count\":%ld,\"mean_ns\":%.1f,\"p50_ns\":%lld,\"p90_ns\":%lld,"
               "\"p99_ns\":%lld,\"p999_ns\":%lld}\n", amount, (double) sum / amount,
               times[amount / 2], times[amount * 9 / 10], times[amount * 99 / 100], times[amount * 999 / 1000]);
    } else {
        static char chunk[CHUNK];
        long long bytes = amount * 1024LL * 1024LL;
        long long start = now_ns();
        for (long long sent = 0; sent < bytes; sent += CHUNK) {
            if (write_fully(fd, chunk, CHUNK) < 0) die("write");
        }
        shutdown(fd, SHUT_WR);
        char ack;
        if (read_fully(fd, &ack, 1) < 0) die("ack");
        double seconds = (now_ns() - start) / 1e9;
        printf("{\"mode\":\"throughput\",\"bytes\":%lld,\"seconds\":%.6f,\"mib_per_s\":%.1f}\n",
               bytes, seconds, bytes / 1048576.0 / seconds);
    }
    close(fd);
    waitpid(child, NULL, 0);
    return 0;
}
