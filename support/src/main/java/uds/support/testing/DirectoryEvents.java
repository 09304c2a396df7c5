package uds.support.testing;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Waiting for what a program the tests did not write does in a directory (binds its socket,
 * appends a line to its file) when it prints nothing to wait for: woken by the kernel's file
 * events (inotify, through the JDK's WatchService), never by a sleep of a chosen length.
 */
public final class DirectoryEvents {

    /** Returns once condition holds, checked again after every change in dir; fails after limit. */
    public static void awaitUntil(Path dir, BooleanSupplier condition, Duration limit, String what)
            throws IOException, InterruptedException {
        try (WatchService watch = dir.getFileSystem().newWatchService()) {
            dir.register(watch, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
            long deadline = System.nanoTime() + limit.toNanos();
            // Checked after registering: a change between the check and the wait still wakes it.
            while (!condition.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("waited " + limit.toSeconds() + " s for " + what);
                }
                WatchKey key = watch.poll(left, TimeUnit.NANOSECONDS);
                if (key != null) {
                    key.pollEvents();
                    key.reset();
                }
            }
        }
    }

    private DirectoryEvents() {
    }
}
