package uds.abstractnamespace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import uds.support.ServerProcess;
import uds.support.testing.Commands;
import uds.support.testing.JarUnderTest;
import uds.support.testing.RequiresRoot;

/** Abstract names live in a network namespace; path sockets live in the filesystem. */
class NetworkNamespaceIT {

    // tag::netns[]
    @Test
    @RequiresRoot("unshare --net")
    void aClientInAnotherNetworkNamespaceCannotReachTheName() throws Exception {
        String name = "uds-it-netns-" + ProcessHandle.current().pid();
        try (ServerProcess server = ServerProcess.start(JarUnderTest.get().command("server", "--name", name))) {
            server.await("listening on");
            List<String> inNewNamespace = new ArrayList<>(List.of("unshare", "--net"));
            inNewNamespace.addAll(JarUnderTest.get().command("client", "--name", name, "hello"));

            assertEquals(new Commands.Result(1, "", "error: nobody listens on @" + name + " (Connection refused)\n"),
                    Commands.run(inNewNamespace, ""));
            assertEquals(0, Commands.run(JarUnderTest.get().command("client", "--name", name, "hello"), "").exit(),
                    "while a client in the server's namespace gets through");
        }
    }
    // end::netns[]
}
