package uds.scmrights;

import static uds.support.SocketConstants.MSG_CMSG_CLOEXEC;

import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import uds.support.ControlMessage;
import uds.support.ErrnoException;
import uds.support.SocketMessages;

/**
 * The same exchange as junixsocket's, in raw syscalls through FFM: sendmsg with an
 * SCM_RIGHTS control message, recvmsg with a control buffer sized for what we expect. It
 * works on any connected AF_UNIX socket's descriptor, junixsocket's included: the kernel does
 * not care which library made it.
 */
final class RawRights {

    /** A reply line, the descriptors that came with it, and whether the kernel had to drop some. */
    record Reply(String line, List<FileDescriptor> descriptors, boolean controlCut) {
    }

    // tag::send[]
    /**
     * Sends bytes with descriptors attached to them; returns how many bytes the kernel took. On
     * a stream socket at least one byte must travel: with none, nothing is sent, descriptors
     * included, and no error says so.
     */
    static long send(int socket, byte[] bytes, int... descriptors) throws ErrnoException {
        List<ControlMessage> control = descriptors.length == 0 ? List.of() : List.of(ControlMessage.rights(descriptors));
        return SocketMessages.send(socket, MemorySegment.NULL, bytes, control, 0);
    }
    // end::send[]

    // tag::receive[]
    /**
     * Receives one line of at most maxBytes, with room for maxDescriptors descriptors. A peer
     * that sends more sets MSG_CTRUNC: the kernel installs what fits and closes the rest.
     * Every descriptor in the reply is now ours to close.
     */
    static Reply receiveLine(int socket, int maxBytes, int maxDescriptors) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        List<FileDescriptor> descriptors = new ArrayList<>();
        boolean cut = false;
        try {
            for (boolean whole = false; !whole; ) {
                // CMSG_LEN, not CMSG_SPACE: the padding of CMSG_SPACE(4) is room for a second int,
                // and the kernel fills every whole int of room it is given.
                SocketMessages.Received message = SocketMessages.receive(socket, maxBytes - line.size(),
                        ControlMessage.len((long) maxDescriptors * Integer.BYTES), MSG_CMSG_CLOEXEC);
                for (int fd : message.descriptors()) {
                    descriptors.add(Descriptors.of(fd));
                }
                cut |= message.controlCut();
                if (message.length() == 0) {
                    throw new IOException("the server closed the connection before a whole reply");
                }
                line.write(message.data());
                whole = message.data()[message.data().length - 1] == '\n';
                if (line.size() >= maxBytes) {
                    throw new IOException("a reply longer than " + maxBytes + " bytes");
                }
            }
        } catch (IOException | RuntimeException e) {
            descriptors.forEach(Descriptors::close); // nobody else will
            throw e;
        }
        String text = line.toString(StandardCharsets.UTF_8);
        return new Reply(text.substring(0, text.length() - 1), descriptors, cut);
    }
    // end::receive[]

    private RawRights() {
    }
}
