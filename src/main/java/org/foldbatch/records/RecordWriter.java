package org.foldbatch.records;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Writes records in the AlphaFold 3 record format to a stream, one at a time. */
public final class RecordWriter implements Closeable {
    private final OutputStream out;

    public RecordWriter(OutputStream out) {
        this.out = out;
    }

    public void write(Record r) throws IOException {
        writeHeader(r.scope(), r.name(), r.dtype(), r.shape());
        out.write(r.data());
    }

    /**
     * Writes a record header; the caller then writes exactly {@code elementCount * itemSize} data bytes with
     * {@link #writeData}. This lets large records be produced without holding them whole.
     */
    public void writeHeader(String scope, String name, DType dtype, int[] shape) throws IOException {
        byte[] s = scope.getBytes(StandardCharsets.UTF_8);
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        byte[] d = dtype.numpyName().getBytes(StandardCharsets.US_ASCII);
        long nbytes = Record.elementCount(shape) * dtype.itemSize();
        ByteBuffer h = ByteBuffer.allocate(20 + s.length + n.length + d.length + 4 * shape.length)
                .order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(s.length).putInt(n.length).putInt(d.length).putInt(shape.length).putInt(Math.toIntExact(nbytes));
        h.put(s).put(n).put(d);
        for (int dim : shape) {
            h.putInt(dim);
        }
        out.write(h.array());
    }

    public void writeData(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
