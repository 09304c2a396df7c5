/*
 * loadgen.c: the load generator of the many-clients bench. It opens N connections to PATH,
 * and each makes 64-byte round trips in a closed loop (the next message only after the echo
 * of the one before), all driven by one thread with epoll: the client side costs the same
 * whichever server answers. Its partners: epoll_echo.c and uds.bench.EchoServers.
 *
 *   loadgen PATH N WARMUP_S MEASURE_S
 *
 * Round trips that end during the warm-up are not counted. Prints one line of JSON: requests
 * per second and the round-trip distribution (100 ns buckets up to 100 ms, then 100 us
 * buckets up to 10 s), measured.
 * Build: gcc -O2 -o loadgen loadgen.c
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <fcntl.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/un.h>

#define MESSAGE 64
#define FINE_NS 100           /* up to 100 ms: 100 ns buckets */
#define FINE 1000000
#define COARSE_NS 100000      /* then up to 10 s: 100 us buckets; slower ones go in the last */
#define COARSE 99000
#define BUCKETS (FINE + COARSE)
#define EVENTS 512

struct connection {
    int fd;
    int received;          /* bytes of the current echo so far */
    long long started_ns;  /* when the current message was sent */
};

static long long now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000000000LL + t.tv_nsec;
}

static void die(const char *what) {
    perror(what);
    exit(1);
}

static long bucket_of(long long ns) {
    if (ns < (long long) FINE * FINE_NS) return (long) (ns / FINE_NS);
    long long coarse = (ns - (long long) FINE * FINE_NS) / COARSE_NS;
    return FINE + (long) (coarse < COARSE ? coarse : COARSE - 1);
}

/* the middle of a bucket, in microseconds */
static double micros_of(long bucket) {
    if (bucket < FINE) return (bucket + 0.5) * FINE_NS / 1000.0;
    return ((double) FINE * FINE_NS + (bucket - FINE + 0.5) * COARSE_NS) / 1000.0;
}

static double percentile_us(const unsigned *histogram, long long count, double p) {
    long long rank = (long long) (p * (double) count), seen = 0;
    for (long i = 0; i < BUCKETS; i++) {
        seen += histogram[i];
        if (seen > rank) return micros_of(i);
    }
    return micros_of(BUCKETS - 1);
}

int main(int argc, char **argv) {
    if (argc != 5) {
        fprintf(stderr, "usage: loadgen PATH N WARMUP_S MEASURE_S\n");
        return 2;
    }
    int n = atoi(argv[2]);
    signal(SIGPIPE, SIG_IGN); /* a server that hangs up is a failed connection, not a reason to die */
    double warmup = atof(argv[3]), measure = atof(argv[4]);
    struct rlimit limit;
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
    struct sockaddr_un address = {.sun_family = AF_UNIX};
    strncpy(address.sun_path, argv[1], sizeof address.sun_path - 1);

    struct connection *connections = calloc((size_t) n, sizeof *connections);
    unsigned *histogram = calloc(BUCKETS, sizeof *histogram);
    int epoll = epoll_create1(EPOLL_CLOEXEC);
    if (!connections || !histogram || epoll < 0) die("setup");
    char message[MESSAGE], echo[MESSAGE];
    memset(message, 'x', sizeof message);

    /* Connect them all first (a blocking connect waits while the server's backlog is full). */
    int connected = 0;
    for (int i = 0; i < n; i++) {
        int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (fd < 0 || connect(fd, (struct sockaddr *) &address, sizeof address) < 0) {
            if (fd >= 0) close(fd);
            connections[i].fd = -1;
            continue;
        }
        fcntl(fd, F_SETFL, O_NONBLOCK);
        connections[i].fd = fd;
        struct epoll_event event = {.events = EPOLLIN, .data.ptr = &connections[i]};
        if (epoll_ctl(epoll, EPOLL_CTL_ADD, fd, &event) < 0) die("epoll_ctl");
        connected++;
    }
    long long start = now_ns();
    long long measure_from = start + (long long) (warmup * 1e9);
    long long measure_until = measure_from + (long long) (measure * 1e9);
    for (int i = 0; i < n; i++) {
        if (connections[i].fd < 0) continue;
        connections[i].started_ns = now_ns();
        if (write(connections[i].fd, message, MESSAGE) != MESSAGE) die("write");
    }

    long long requests = 0, failed = 0;
    struct epoll_event events[EVENTS];
    for (;;) {
        long long now = now_ns();
        if (now >= measure_until) break;
        int ready = epoll_wait(epoll, events, EVENTS, 100);
        if (ready < 0) {
            if (errno == EINTR) continue;
            die("epoll_wait");
        }
        for (int e = 0; e < ready; e++) {
            struct connection *c = events[e].data.ptr;
            ssize_t got = read(c->fd, echo, (size_t) (MESSAGE - c->received));
            if (got <= 0) {
                if (got < 0 && errno == EAGAIN) continue;
                epoll_ctl(epoll, EPOLL_CTL_DEL, c->fd, NULL);
                close(c->fd);
                failed++;
                continue;
            }
            c->received += (int) got;
            if (c->received < MESSAGE) continue;
            long long done = now_ns();
            if (done >= measure_from && done < measure_until) {
                histogram[bucket_of(done - c->started_ns)]++;
                requests++;
            }
            c->received = 0;
            c->started_ns = done;
            if (write(c->fd, message, MESSAGE) != MESSAGE) {
                epoll_ctl(epoll, EPOLL_CTL_DEL, c->fd, NULL);
                close(c->fd);
                failed++;
            }
        }
    }
    printf("{\"connections\": %d, \"connected\": %d, \"failed\": %lld, \"requests\": %lld, \"seconds\": %.3f,"
           " \"requests_per_s\": %.1f, \"p50_us\": %.2f, \"p99_us\": %.2f, \"p999_us\": %.2f}\n",
           n, connected, failed, requests, measure, requests / measure,
           percentile_us(histogram, requests, 0.50), percentile_us(histogram, requests, 0.99),
           percentile_us(histogram, requests, 0.999));
    return connected == n && failed == 0 ? 0 : 1;
}
