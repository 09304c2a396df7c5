package uds.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One-way throughput: 64 KiB writes while the peer drains. One operation is one 64 KiB write,
 * so operations per second times 64 KiB is the rate. The C baseline does the same in pingpong.c.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 2, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class OneWay {

    static final int CHUNK = 64 * 1024;

    @Param
    public Transport transport;

    private Path dir;
    private Link link;
    private ByteBuffer chunk;

    @Setup(Level.Trial)
    public void connect() throws IOException {
        dir = Files.createTempDirectory("uds-bench-");
        link = transport.open(dir, Transport.Peer.drain());
        chunk = transport.allocate(CHUNK);
    }

    // tag::one-way[]
    @Benchmark
    public void write64KiB() throws IOException {
        link.send(chunk.clear());
    }
    // end::one-way[]

    @TearDown(Level.Trial)
    public void close() throws IOException {
        link.close();
        Files.deleteIfExists(dir);
    }
}
