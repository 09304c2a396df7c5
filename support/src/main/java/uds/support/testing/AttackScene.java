package uds.support.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import uds.support.ServerProcess;
import uds.support.Shell;
import uds.support.ThisProcess;

/**
 * The stage of a lesson's attack tests: the server runs as root, the attacker as nobody (a
 * real other user, through setpriv), in a shared directory that, like /tmp, anyone may write
 * (mode 1777). Everything is recorded in a transcript for the walkthrough's "What an attacker
 * can try". Not root: the tests are skipped, saying why, and the transcript says so too.
 */
public final class AttackScene implements AutoCloseable {

    /** The skip reason of the attack tests. */
    public static final String WHY = "the attacker runs as the user nobody, which needs root (setpriv)";

    private final String name;
    private final Transcript transcript = new Transcript();
    private final Path shared;
    private final HostilePeer peer;

    private AttackScene(String name, Path shared, HostilePeer peer) {
        this.name = name;
        this.shared = shared;
        this.peer = peer;
    }

    /**
     * Call from @BeforeAll. Not root: writes a transcript saying why nothing was captured and
     * returns null; the tests, each marked {@link RequiresRoot}, are then reported as skipped.
     */
    public static AttackScene open(String transcriptName) throws IOException {
        if (!ThisProcess.isRoot()) {
            Transcript skipped = new Transcript();
            skipped.note("(Not captured: the tests ran as uid " + ThisProcess.uid()
                    + ". Run ./mvnw verify as root to see these attacks made by the user nobody.)");
            skipped.write(transcriptName);
            return null;
        }
        Path shared = Files.createTempDirectory(Path.of("/tmp"), "uds-shared-");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.setAttribute(shared, "unix:mode", 01777); // sticky, like /tmp: others may add, not remove ours
        return new AttackScene(transcriptName, shared, HostilePeer.as(Users.nobody()));
    }

    /** A directory every user may create files in, as /tmp. */
    public Path shared() {
        return shared;
    }

    public void title(String title) {
        transcript.note("");
        transcript.note("## " + title);
    }

    public void note(String line) {
        transcript.note(line);
    }

    /** Starts a server as root and waits until it prints ready. */
    public ServerProcess server(List<String> command, String ready) throws IOException, InterruptedException {
        transcript.note("# as root: " + Transcript.shown(command) + " &");
        ServerProcess server = ServerProcess.start(command);
        server.await(ready).forEach(line -> transcript.note("server: " + line));
        return server;
    }

    /**
     * The lines the server printed since last asked, up to the first with text; the transcript
     * shows that line, and how many came before it.
     */
    public List<String> serverSays(ServerProcess server, String text) throws IOException, InterruptedException {
        List<String> lines = server.await(text);
        if (lines.size() > 3) { // hundreds of "connection N opened": one stands for them all
            transcript.note("(the server printed " + (lines.size() - 1) + " lines such as \""
                    + lines.getFirst() + "\", then:)");
            transcript.note("server: " + lines.getLast());
        } else {
            lines.forEach(line -> transcript.note("server: " + line));
        }
        return lines;
    }

    /** One attack, made by the other user; its summary line goes into the transcript. */
    public Commands.Result attack(String... attack) throws IOException, InterruptedException {
        transcript.note("$ " + peer.shown(attack));
        Commands.Result result = Commands.run(peer.command(attack), "");
        result.stdout().lines().forEach(transcript::note);
        result.stderr().lines().forEach(transcript::note);
        return result;
    }

    /** Any other command as the attacker, such as planting a symlink; recorded like an attack. */
    public Commands.Result asAttacker(String... command) throws IOException, InterruptedException {
        transcript.note("$ (as " + peer.user().name() + ") " + Transcript.shown(List.of(command)));
        Commands.Result result = Commands.run(peer.user().command(List.of(command)), "");
        result.stdout().lines().forEach(transcript::note);
        result.stderr().lines().forEach(transcript::note);
        return result;
    }

    /** Starts an attack and returns at once; wait for what it says with {@link #attackerSays}. */
    public ServerProcess attackInBackground(String... attack) throws IOException {
        transcript.note("$ " + peer.shown(attack) + " &");
        return ServerProcess.start(peer.command(attack));
    }

    /** Any other command as the attacker, started in the background like {@link #attackInBackground}. */
    public ServerProcess asAttackerInBackground(String... command) throws IOException {
        transcript.note("$ (as " + peer.user().name() + ") " + Transcript.shown(List.of(command)) + " &");
        return ServerProcess.start(peer.user().command(List.of(command)));
    }

    /** The background attack's lines up to the first with text, recorded; the attack goes on. */
    public String attackerSays(ServerProcess attack, String text) throws IOException, InterruptedException {
        List<String> lines = attack.await(text);
        lines.forEach(transcript::note);
        return String.join("\n", lines);
    }

    /** Records the background attack's output once it has ended. */
    public String finished(ServerProcess attack) throws IOException, InterruptedException {
        List<String> lines = attack.remaining();
        lines.forEach(transcript::note);
        return String.join("\n", lines);
    }

    /**
     * One of the hostile peer's commands run as root: a careless root process, such as one
     * that hands its connection to another user.
     */
    public Commands.Result peerAsRoot(String... command) throws IOException, InterruptedException {
        transcript.note("# as root: hostile_peer.py " + Shell.line(List.of(command)));
        List<String> line = new ArrayList<>(List.of("/usr/bin/python3", peer.script().toString()));
        line.addAll(List.of(command));
        Commands.Result result = Commands.run(line, "");
        result.stdout().lines().forEach(transcript::note);
        result.stderr().lines().forEach(transcript::note);
        return result;
    }

    /** A command run as root, such as the proof that an honest client is still served. */
    public Commands.Result run(List<String> command) throws IOException, InterruptedException {
        return transcript.record(command);
    }

    /** How many descriptors the server holds that the attacker sent it (they are open on its script). */
    public long descriptorsFromAttacker(ServerProcess server) throws IOException {
        long kept = ProcessFigures.descriptorsOn(server.pid(), peer.script());
        transcript.note("(the server holds " + kept + " descriptors the attacker sent)");
        return kept;
    }

    /** The server's cost right now, as the page shows it. */
    public ProcessFigures figures(String when, ServerProcess server) throws IOException {
        ProcessFigures figures = ProcessFigures.of(server.pid());
        transcript.note("(" + when + ": the server holds " + figures + ")");
        return figures;
    }

    @Override
    public void close() throws IOException {
        transcript.write(name);
        peer.close();
        try (Stream<Path> files = Files.walk(shared)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
