package uds.abstractnamespace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Abstract names live in a network namespace; path sockets live in the filesystem. */
class NetworkNamespaceIT {

    // tag::netns[]
    @Test
    void aClientInAnotherNetworkNamespaceCannotReachTheName() throws Exception {
        assumeTrue(Users.isRoot(), "unshare --net needs root: run the tests as root to see this");
        String name = "uds-it-netns-" + ProcessHandle.current().pid();
        try (ServerProcess server = ServerProcess.start(Cli.jar().command("server", "--name", name))) {
            server.await("listening on");
            List<String> inNewNamespace = new ArrayList<>(List.of("unshare", "--net"));
            inNewNamespace.addAll(Cli.jar().command("client", "--name", name, "hello"));

            assertEquals(new Cli.Result(1, "", "error: nobody listens on @" + name + " (Connection refused)\n"),
                    Cli.run(inNewNamespace, ""));
            assertEquals(0, Cli.run(Cli.jar().command("client", "--name", name, "hello"), "").exit(),
                    "while a client in the server's namespace gets through");
        }
    }
    // end::netns[]
}
