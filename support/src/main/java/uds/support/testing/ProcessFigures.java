package uds.support.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a process costs right now, read from /proc: open descriptors (and how many of them are
 * sockets), resident memory, threads.
 *
 * <p>A JVM opens and closes files of its own whenever it likes (a jar, a class-data archive, a
 * timezone file), so a test that compares a whole JVM's descriptor count fails on a busy
 * machine. Compare what the test is about instead: {@link #sockets()}, which only connections
 * make, or {@link #descriptorsOn} a file only the attacker hands out.
 */
public record ProcessFigures(long descriptors, long sockets, long residentKiB, long threads) {

    public static ProcessFigures of(long pid) throws IOException {
        Path proc = Path.of("/proc", Long.toString(pid));
        List<String> targets = targets(pid);
        long descriptors = targets.size();
        long sockets = targets.stream().filter(target -> target.startsWith("socket:")).count();
        long rss = 0;
        long threads = 0;
        for (String line : Files.readAllLines(proc.resolve("status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = Long.parseLong(line.replaceAll("[^0-9]", ""));
            } else if (line.startsWith("Threads:")) {
                threads = Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return new ProcessFigures(descriptors, sockets, rss, threads);
    }

    /** How many of the process's descriptors are open on file: the ones it was sent and kept. */
    public static long descriptorsOn(long pid, Path file) throws IOException {
        String target = file.toAbsolutePath().toString();
        return targets(pid).stream().filter(target::equals).count();
    }

    /** What each open descriptor of pid refers to: a path, or {@code socket:[inode]}, {@code pipe:[...]}. */
    private static List<String> targets(long pid) throws IOException {
        List<String> targets = new ArrayList<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    targets.add(Files.readSymbolicLink(fd).toString());
                } catch (NoSuchFileException e) {
                    // closed between the listing and the look: it is not open any more
                }
            }
        }
        return targets;
    }

    /** {@code 41 descriptors (3 sockets), 61 MiB resident, 23 threads}. */
    @Override
    public String toString() {
        return descriptors + " descriptors (" + sockets + " sockets), " + residentKiB / 1024 + " MiB resident, "
                + threads + " threads";
    }
}
