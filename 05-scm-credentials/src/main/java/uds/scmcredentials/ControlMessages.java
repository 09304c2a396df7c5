package uds.scmcredentials;

import static uds.support.SocketConstants.SCM_CREDENTIALS;
import static uds.support.SocketConstants.SCM_MAX_FD;
import static uds.support.SocketConstants.SOL_SOCKET;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import uds.support.ControlMessage;
import uds.support.Credentials;

/**
 * The control messages of lesson 05: credentials out (SCM_CREDENTIALS), and what a received
 * control buffer says about who sent the message. The layout of control messages themselves
 * (cmsg(3)) is {@link ControlMessage}'s.
 */
final class ControlMessages {

    // tag::credentials[]
    /** One SCM_CREDENTIALS message carrying credentials: CMSG_SPACE(12) = 32 bytes in the buffer. */
    static ControlMessage credentials(Credentials credentials) {
        MemorySegment ucred = MemorySegment.ofArray(new int[3]); // an int array: aligned for the ints
        credentials.write(ucred);
        return new ControlMessage(SOL_SOCKET, SCM_CREDENTIALS, ucred.toArray(ValueLayout.JAVA_BYTE));
    }
    // end::credentials[]

    /**
     * What the control buffer of one received message held. descriptors are those of
     * SCM_RIGHTS messages: the kernel has already installed them in this process, so whoever
     * does not want them must still close them.
     */
    record Parsed(Credentials credentials, List<Integer> descriptors, List<String> ignored, String malformed) {
    }

    /** What the first length bytes of a control buffer say. */
    static Parsed parse(MemorySegment control, long length) {
        return parse(ControlMessage.decode(control, length));
    }

    // tag::parse[]
    /**
     * What received control messages say: the credentials (checked for their exact size), the
     * descriptors that came along, and whatever else, named.
     */
    static Parsed parse(ControlMessage.Decoded decoded) {
        Credentials credentials = null;
        List<Integer> descriptors = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        for (ControlMessage message : decoded.messages()) {
            if (message.level() == SOL_SOCKET && message.type() == SCM_CREDENTIALS) {
                if (message.data().length != Credentials.UCRED.byteSize()) {
                    return new Parsed(credentials, descriptors, ignored, "SCM_CREDENTIALS of "
                            + ControlMessage.len(message.data().length) + " bytes, not " + ControlMessage.len(Credentials.UCRED.byteSize()));
                }
                MemorySegment ucred = MemorySegment.ofArray(new int[3]);
                MemorySegment.copy(MemorySegment.ofArray(message.data()), 0, ucred, 0, ucred.byteSize());
                credentials = Credentials.read(ucred);
            } else if (message.isRights()) {
                Arrays.stream(message.descriptors()).forEach(descriptors::add);
            } else {
                ignored.add("level " + message.level() + " type " + message.type() + " (" + message.data().length + " bytes)");
            }
        }
        return new Parsed(credentials, descriptors, ignored, decoded.malformed());
    }
    // end::parse[]

    // tag::space[]
    /**
     * The control buffer a receiver needs so that nothing a sender attaches can push the
     * credentials out: SCM_CREDENTIALS, plus the largest SCM_RIGHTS message the kernel carries.
     */
    static final long RECEIVE_SPACE = ControlMessage.space(Credentials.UCRED.byteSize()) + ControlMessage.rightsSpace(SCM_MAX_FD);
    // end::space[]

    private ControlMessages() {
    }
}
