package uds.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a Java server's time goes under the many-clients load: the JDK selector's (with its
 * selected-key set, and with select(action)) and the FFM epoll server's, each recorded with
 * JDK Flight Recorder (its sampling profile) while loadgen drives 1,000 connections, pinned;
 * the hottest methods of each, as {@code jfr view hot-methods} prints them, in
 * RESULTS/selector-profile.txt for the page.
 *
 * <p>Usage: SelectorProfile C_SOURCE_DIR BUILD_DIR RESULTS_DIR
 */
public final class SelectorProfile {

    static final List<EchoServers.Model> PROFILED = List.of(EchoServers.Model.JDK_SELECTOR,
            EchoServers.Model.JDK_SELECTOR_ACTION, EchoServers.Model.FFM_EPOLL);
    static final int CONNECTIONS = 1_000;

    public static void main(String[] args) throws Exception {
        Path sources = Path.of(args[0]);
        Path build = Files.createDirectories(Path.of(args[1]));
        Path results = Files.createDirectories(Path.of(args[2]));
        Path loadgen = CBaseline.compile(sources.resolve("loadgen.c"), build);
        List<ManyClients.Server> servers = ManyClients.servers(CBaseline.compile(sources.resolve("epoll_echo.c"), build));
        StringBuilder text = new StringBuilder();
        for (EchoServers.Model model : PROFILED) {
            ManyClients.Server server = servers.stream().filter(s -> s.model().equals(model.name().toLowerCase(Locale.ROOT)))
                    .findFirst().orElseThrow();
            Path recording = build.resolve("profile-" + server.model() + ".jfr");
            Files.deleteIfExists(recording);
            text.append("== ").append(server.name()).append('\n')
                    .append(hotMethods(profiled(server, recording), loadgen, build, recording)).append('\n');
        }
        Files.writeString(results.resolve("selector-profile.txt"), text.toString(), StandardCharsets.UTF_8);
    }

    /** The same server with a flight recording from its start, written when it stops. */
    static ManyClients.Server profiled(ManyClients.Server server, Path recording) {
        List<String> command = new ArrayList<>(server.command());
        command.add(1, "-XX:StartFlightRecording:settings=profile,dumponexit=true,filename=" + recording);
        return new ManyClients.Server(server.model(), server.name(), command);
    }

    static String hotMethods(ManyClients.Server server, Path loadgen, Path dir, Path recording)
            throws IOException, InterruptedException {
        ManyClients.measure(new ManyClients.Point(server, CONNECTIONS, ManyClients.Placement.PINNED), loadgen, dir, 2, 8);
        Path jfr = Path.of(ProcessHandle.current().info().command().orElseThrow()).resolveSibling("jfr");
        Process view = new ProcessBuilder(jfr.toString(), "view", "--width", "110", "hot-methods", recording.toString())
                .redirectErrorStream(true).start();
        String text = new String(view.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (view.waitFor() != 0) {
            throw new IOException("jfr view failed: " + text);
        }
        return text;
    }

    private SelectorProfile() {
    }
}
