package uds.exercises.abstractnamespace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

import uds.support.testing.Exercise;

@Exercise(id = "02.1", title = "Build an abstract address", step = "Step 1: an address that starts with NUL",
        file = "AbstractAddress.java",
        statement = "`sunPath(name)` must return the bytes the kernel takes for an abstract name: a NUL, then the"
                + " name in UTF-8, and nothing after it.",
        hints = {
            "The first byte of `sun_path` is 0 for an abstract name; the rest is the name, with no terminating NUL.",
            "Make an array one longer than `name.getBytes(StandardCharsets.UTF_8)` and copy the name in from index 1."})
class AbstractAddressTest {

    @Test
    void aNulThenTheNameInUtf8() {
        byte[] expected = {0, 'g', 'r', (byte) 0xc3, (byte) 0xbc, (byte) 0xc3, (byte) 0x9f, 'e'};
        assertArrayEquals(expected, AbstractAddress.sunPath("grüße"));
    }

    @Test
    void theKernelListsItAsAnAbstractName() throws IOException {
        String name = "uds-exercise-" + ProcessHandle.current().pid();
        byte[] address = AbstractAddress.sunPath(name);
        assertEquals(0, address[0], "not abstract: binding it would create a file named " + name);
        try (AFUNIXServerSocket server = AFUNIXServerSocket.newInstance()) {
            server.bind(AFUNIXSocketAddress.of(address));
            assertTrue(Files.readAllLines(Path.of("/proc/net/unix")).stream().anyMatch(line -> line.endsWith(" @" + name)),
                    "/proc/net/unix lists @" + name);
        }
    }
}
