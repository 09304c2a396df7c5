package uds.exercises.abstractnamespace;

import java.nio.charset.StandardCharsets;

/**
 * Exercise 02.1: the bytes of sun_path for a name in the abstract namespace.
 * (Walkthrough 02, step 1. Checked by AbstractAddressTest.)
 */
final class AbstractAddress {

    /** What goes into sun_path for the abstract name: the kernel takes exactly these bytes. */
    static byte[] sunPath(String name) {
        // TODO: without its first byte the kernel takes this for a file name.
        return name.getBytes(StandardCharsets.UTF_8);
    }

    private AbstractAddress() {
    }
}
