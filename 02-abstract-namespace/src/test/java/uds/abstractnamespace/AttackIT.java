package uds.abstractnamespace;

import java.util.ArrayList;
import java.util.List;

import uds.support.testing.EchoServerAttacks;
import uds.support.testing.JarUnderTest;

/**
 * "What an attacker can try" against lesson 02's server: an abstract name has no file and no
 * permissions, so the user nobody reaches a root server's accept loop without asking anyone.
 * The attacks are lesson 01's, from {@link EchoServerAttacks}.
 */
class AttackIT extends EchoServerAttacks {

    private static final String NAME = "uds-attack-" + ProcessHandle.current().pid();

    @Override
    protected List<String> serverWith(List<String> limits) {
        List<String> arguments = new ArrayList<>(List.of("server", "--name", NAME));
        arguments.addAll(limits);
        return JarUnderTest.get().command(arguments.toArray(String[]::new));
    }

    @Override
    protected String target() {
        return "@" + NAME;
    }

    @Override
    protected List<String> honestClient() {
        return JarUnderTest.get().command("client", "--name", NAME, "still there?");
    }
}
