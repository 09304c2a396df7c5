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
 * Round-trip latency of a 64-byte message: send it, wait for the echo. Sampled one by one
 * (Mode.SampleTime), so the page shows the distribution, not only the mean. The C baseline
 * does the same in pingpong.c.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 2, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class RoundTrip {

    static final int MESSAGE = 64;

    @Param
    public Transport transport;

    private Path dir;
    private Link link;
    private ByteBuffer message;

    @Setup(Level.Trial)
    public void connect() throws IOException {
        dir = Files.createTempDirectory("uds-bench-");
        link = transport.open(dir, Transport.Peer.echo(MESSAGE));
        message = transport.allocate(MESSAGE); // one buffer for every round trip: no allocation per message
    }

    // tag::round-trip[]
    @Benchmark
    public ByteBuffer roundTrip() throws IOException {
        link.send(message.clear());
        link.receive(message.clear());
        return message;
    }
    // end::round-trip[]

    @TearDown(Level.Trial)
    public void close() throws IOException {
        link.close();
        Files.deleteIfExists(dir);
    }
}
