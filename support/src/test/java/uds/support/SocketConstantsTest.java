package uds.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import uds.support.testing.Commands;

/** The numbers refuse to exist on an architecture whose headers they do not come from. */
class SocketConstantsTest {

    /** Run in a child JVM: prints SOL_SOCKET, or fails as the first use of the class does. */
    public static void main(String[] args) {
        System.exit(new CommandLine("probe.jar", "").command("probe", Options.none(),
                arguments -> System.out.println("SOL_SOCKET=" + SocketConstants.SOL_SOCKET)).run(
                new String[] {"probe"}, System.out, System.err));
    }

    private static Commands.Result probe(String arch) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        String classpath = System.getProperty("java.class.path");
        return Commands.run(List.of(java, "-Dos.arch=" + arch, "-cp", classpath, SocketConstantsTest.class.getName()));
    }

    @Test
    void knownHereAndRefusedOnMips() throws Exception {
        assertEquals(new Commands.Result(0, "SOL_SOCKET=1\n", ""), probe(System.getProperty("os.arch")));
        // MIPS has SOL_SOCKET 0xffff and swaps SOCK_STREAM and SOCK_DGRAM: guessing 1 would be wrong.
        assertEquals(new Commands.Result(1, "", "error: the socket constants of this course are known for Linux on "
                + SocketConstants.KNOWN_ARCHITECTURES + " only, not on mips64: refusing to guess numbers for the kernel\n"),
                probe("mips64"));
    }
}
