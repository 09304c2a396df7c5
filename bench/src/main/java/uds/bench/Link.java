package uds.bench;

import java.io.IOException;
import java.nio.ByteBuffer;

/** One end of a connection, as the benchmarks drive it. */
interface Link extends AutoCloseable {

    /** Sends all of buffer's remaining bytes (one datagram, for SEQPACKET). */
    void send(ByteBuffer buffer) throws IOException;

    /** Fills buffer's remaining bytes (one datagram, for SEQPACKET); false at end of stream. */
    boolean receive(ByteBuffer buffer) throws IOException;

    /** Reads whatever has arrived, at most buffer's remaining bytes; false at end of stream. */
    boolean drain(ByteBuffer buffer) throws IOException;

    @Override
    void close() throws IOException;
}
