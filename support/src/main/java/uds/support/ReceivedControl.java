package uds.support;

import static uds.support.SocketConstants.SCM_CREDENTIALS;
import static uds.support.SocketConstants.SCM_MAX_FD;
import static uds.support.SocketConstants.SOL_SOCKET;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the control buffer of one received message held (lesson 05 teaches it; lesson 08's
 * log service reads its senders the same way). descriptors are those of SCM_RIGHTS
 * messages: the kernel has already installed them in this process, so whoever does not
 * want them must still close them.
 */
public record ReceivedControl(Credentials credentials, List<Integer> descriptors, List<String> ignored, String malformed) {

    // tag::space[]
    /**
     * The control buffer a receiver needs so that nothing a sender attaches can push the
     * credentials out: SCM_CREDENTIALS, plus the largest SCM_RIGHTS message the kernel carries.
     */
    public static final long SPACE = ControlMessage.space(Credentials.UCRED.byteSize()) + ControlMessage.rightsSpace(SCM_MAX_FD);
    // end::space[]

    /** What the first length bytes of a control buffer say. */
    public static ReceivedControl of(MemorySegment control, long length) {
        return of(ControlMessage.decode(control, length));
    }

    // tag::parse[]
    /**
     * What received control messages say: the credentials (checked for their exact size), the
     * descriptors that came along, and whatever else, named.
     */
    public static ReceivedControl of(ControlMessage.Decoded decoded) {
        Credentials credentials = null;
        List<Integer> descriptors = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        for (ControlMessage message : decoded.messages()) {
            if (message.level() == SOL_SOCKET && message.type() == SCM_CREDENTIALS) {
                if (message.data().length != Credentials.UCRED.byteSize()) {
                    return new ReceivedControl(credentials, descriptors, ignored, "SCM_CREDENTIALS of "
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
        return new ReceivedControl(credentials, descriptors, ignored, decoded.malformed());
    }
    // end::parse[]
}
