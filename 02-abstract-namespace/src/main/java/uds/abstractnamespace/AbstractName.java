package uds.abstractnamespace;

import java.nio.charset.StandardCharsets;

import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * A name in Linux's abstract namespace, and the address bytes that stand for it.
 *
 * <p>The kernel tells an abstract address from a path by its first byte: a NUL. The rest of
 * {@code sun_path}, exactly as long as the address length says (no terminating NUL, no
 * padding), is the name, and every byte counts: "echo" and "echo\0" are different names.
 */
record AbstractName(String name) {

    /** sun_path is 108 bytes; the leading NUL takes one. */
    static final int MAX_NAME_BYTES = 107;

    AbstractName {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("an abstract name needs at least one character");
        }
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_NAME_BYTES) {
            throw new IllegalArgumentException("the name is " + bytes + " bytes in UTF-8; an abstract name"
                    + " holds at most " + MAX_NAME_BYTES + " (sun_path's 108 less the leading NUL)");
        }
    }

    // tag::address[]
    /**
     * A leading NUL, then the name in UTF-8. The charset is spelled out: the kernel compares
     * bytes, so a server and a client that encoded the same name differently (a platform
     * default of Latin-1 here, UTF-8 there) would never meet.
     */
    byte[] addressBytes() {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        byte[] address = new byte[1 + utf8.length];
        System.arraycopy(utf8, 0, address, 1, utf8.length); // address[0] stays 0: the NUL
        return address;
    }

    AFUNIXSocketAddress address() throws java.net.SocketException {
        return AFUNIXSocketAddress.of(addressBytes());
    }
    // end::address[]

    /** How ss, netstat and /proc/net/unix show it: an @ in place of the NUL. */
    @Override
    public String toString() {
        return "@" + name;
    }
}
