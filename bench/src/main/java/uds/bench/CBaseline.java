package uds.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Builds and runs the C baseline (src/main/c/pingpong.c) with the machine's gcc, and writes
 * what it measured, with a description of the machine, to RESULTS/c-baseline.json.
 *
 * <p>Usage: CBaseline SOURCE BUILD_DIR RESULTS_DIR
 */
public final class CBaseline {

    static final int ROUND_TRIPS = 500_000;
    static final int MEBIBYTES = 8_192;
    /** Throughput varies from run to run on a small machine: take the median of several. */
    static final int THROUGHPUT_RUNS = 5;

    public static void main(String[] args) throws IOException, InterruptedException {
        Path source = Path.of(args[0]);
        Path buildDir = Path.of(args[1]);
        Path results = Files.createDirectories(Path.of(args[2]));
        Path binary = compile(source, buildDir);

        ObjectMapper json = new ObjectMapper();
        Map<String, Object> baseline = new LinkedHashMap<>();
        baseline.put("machine", machine());
        baseline.put("rtt", json.readValue(run(binary, buildDir, "rtt", ROUND_TRIPS), Map.class));
        List<Map<?, ?>> runs = new java.util.ArrayList<>();
        for (int i = 0; i < THROUGHPUT_RUNS; i++) {
            runs.add(json.readValue(run(binary, buildDir, "throughput", MEBIBYTES), Map.class));
        }
        runs.sort(java.util.Comparator.comparingDouble(r -> ((Number) r.get("mib_per_s")).doubleValue()));
        baseline.put("throughput", runs.get(THROUGHPUT_RUNS / 2));
        baseline.put("throughput_runs_mib_per_s", runs.stream().map(r -> r.get("mib_per_s")).toList());
        json.writerWithDefaultPrettyPrinter().writeValue(results.resolve("c-baseline.json").toFile(), baseline);
        System.out.println("C baseline: " + baseline);
    }

    /** gcc -O2 (what a C programmer would ship) of NAME.c into buildDir/NAME. */
    static Path compile(Path source, Path buildDir) throws IOException, InterruptedException {
        Path binary = buildDir.resolve(source.getFileName().toString().replaceFirst("\\.c$", ""));
        exec(List.of("gcc", "-O2", "-Wall", "-o", binary.toString(), source.toString()));
        return binary;
    }

    /** One run of the baseline; its single line of JSON. */
    static String run(Path binary, Path dir, String mode, long amount) throws IOException, InterruptedException {
        Path socket = dir.resolve("pingpong-" + ProcessHandle.current().pid() + ".sock");
        Files.deleteIfExists(socket);
        return exec(List.of(binary.toString(), socket.toString(), mode, Long.toString(amount)));
    }

    /** Where the numbers came from: they carry over to other machines only as ratios. */
    static Map<String, String> machine() throws IOException, InterruptedException {
        Map<String, String> machine = new LinkedHashMap<>();
        machine.put("cpu", Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                .filter(line -> line.startsWith("model name")).findFirst()
                .map(line -> line.substring(line.indexOf(':') + 1).strip()).orElse("unknown"));
        machine.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        machine.put("kernel", Files.readString(Path.of("/proc/sys/kernel/osrelease")).strip());
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        machine.put("gcc", exec(List.of("gcc", "-dumpfullversion")).strip());
        return machine;
    }

    private static String exec(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output.strip());
        }
        return output;
    }

    private CBaseline() {
    }
}
