package uds.exercises.abstractnamespace;

import java.nio.charset.StandardCharsets;

/**
 * Exercise 02.1: the bytes of sun_path for a name in the abstract namespace.
 * (Walkthrough 02, step 1. Checked by AbstractAddressTest.)
 */
final class AbstractAddress {

    /** What goes into sun_path for the abstract name: the kernel takes exactly these bytes. */
    static byte[] sunPath(String name) {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        byte[] address = new byte[utf8.length + 1]; // address[0] stays 0: the abstract namespace
        System.arraycopy(utf8, 0, address, 1, utf8.length);
        return address;
    }

    private AbstractAddress() {
    }
}
