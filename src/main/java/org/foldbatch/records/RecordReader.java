package org.foldbatch.records;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads records one at a time from a (decompressed) record stream, so a caller can keep, convert or drop each record
 * before the next is read. The stream has no header or count: a clean end of stream before a header ends it.
 */
public final class RecordReader implements Closeable {
    private static final int HEADER_BYTES = 20;
    private static final int MAX_STRING_BYTES = 1 << 16;
    private static final int MAX_RANK = 32;

    private final InputStream in;
    private final String source;
    private String lastKey = "(none)";
    private long recordsRead;

    /** @param source names the stream (the file) in error messages */
    public RecordReader(InputStream in, String source) {
        this.in = in;
        this.source = source;
    }

    /** The next record, or null at the end of the stream. */
    public Record next() throws IOException {
        byte[] header;
        try {
            header = in.readNBytes(HEADER_BYTES);
        } catch (IOException e) {
            throw new IOException(source + ": header after record " + lastKey + ": " + e.getMessage(), e);
        }
        if (header.length == 0) {
            return null;
        }
        if (header.length < HEADER_BYTES) {
            throw error("truncated record header (" + header.length + " of 20 bytes) after record " + lastKey);
        }
        ByteBuffer h = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        int scopeLen = h.getInt();
        int nameLen = h.getInt();
        int dtypeLen = h.getInt();
        int ndim = h.getInt();
        int nbytes = h.getInt();
        if (scopeLen < 0 || scopeLen > MAX_STRING_BYTES || nameLen < 0 || nameLen > MAX_STRING_BYTES
                || dtypeLen <= 0 || dtypeLen > 64 || ndim < 0 || ndim > MAX_RANK || nbytes < 0) {
            throw error("implausible record header " + Arrays.toString(new int[] {scopeLen, nameLen, dtypeLen, ndim,
                    nbytes}) + " after record " + lastKey + " (corrupt or not a record file)");
        }
        String scope = string(scopeLen, "scope");
        String name = string(nameLen, "name");
        String key = scope + ":" + name;
        String dtypeName = string(dtypeLen, "dtype of " + key);
        DType dtype = DType.fromNumpyName(dtypeName);
        if (dtype == null) {
            throw error(key + ": unsupported dtype '" + dtypeName + "'");
        }
        byte[] shapeBytes = readFully(4 * ndim, key + ": shape");
        int[] shape = new int[ndim];
        ByteBuffer.wrap(shapeBytes).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(shape);
        long expected = Record.elementCount(shape) * dtype.itemSize();
        if (expected != nbytes) {
            throw error(key + ": header says " + nbytes + " bytes but shape " + Arrays.toString(shape) + " of "
                    + dtypeName + " needs " + expected);
        }
        byte[] data = readFully(nbytes, key + ": data");
        lastKey = key;
        recordsRead++;
        return new Record(scope, name, dtype, shape, data);
    }

    public String source() {
        return source;
    }

    public long recordsRead() {
        return recordsRead;
    }

    private String string(int len, String what) throws IOException {
        return new String(readFully(len, what), StandardCharsets.UTF_8);
    }

    private byte[] readFully(int len, String what) throws IOException {
        byte[] b;
        try {
            b = in.readNBytes(len);
        } catch (IOException e) {
            throw new IOException(source + ": " + what + ": " + e.getMessage(), e);
        }
        if (b.length < len) {
            throw error(what + " truncated: expected " + len + " bytes, stream ended after " + b.length);
        }
        return b;
    }

    private RecordFormatException error(String message) {
        return new RecordFormatException(source + ": " + message);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
