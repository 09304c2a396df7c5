package uds.support.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** What a process costs right now, read from /proc: open descriptors, resident memory, threads. */
public record ProcessFigures(long descriptors, long residentKiB, long threads) {

    public static ProcessFigures of(long pid) throws IOException {
        Path proc = Path.of("/proc", Long.toString(pid));
        long descriptors;
        try (Stream<Path> fds = Files.list(proc.resolve("fd"))) {
            descriptors = fds.count();
        }
        long rss = 0;
        long threads = 0;
        for (String line : Files.readAllLines(proc.resolve("status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = Long.parseLong(line.replaceAll("[^0-9]", ""));
            } else if (line.startsWith("Threads:")) {
                threads = Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return new ProcessFigures(descriptors, rss, threads);
    }

    /** {@code 41 descriptors, 61 MiB resident, 23 threads}. */
    @Override
    public String toString() {
        return descriptors + " descriptors, " + residentKiB / 1024 + " MiB resident, " + threads + " threads";
    }
}
