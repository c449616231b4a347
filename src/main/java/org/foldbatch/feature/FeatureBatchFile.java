package org.foldbatch.feature;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Features in AlphaFold 3's weights record layout (uncompressed): per record five little-endian int32s (scope,
 * name and dtype lengths, ndim, nbytes), then scope, name, dtype, the shape as int32s and the raw data. Scope is
 * {@code __input__}, as in the project's reference test vectors.
 */
public final class FeatureBatchFile {

    public static final String SCOPE = "__input__";

    private FeatureBatchFile() {
    }

    public static void write(Map<String, Feature> features, Path file) {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            for (Feature feature : features.values()) {
                byte[] scope = SCOPE.getBytes(StandardCharsets.UTF_8);
                byte[] name = feature.name().getBytes(StandardCharsets.UTF_8);
                byte[] dtype = feature.dtype().numpyName().getBytes(StandardCharsets.US_ASCII);
                ByteBuffer header = ByteBuffer.allocate(20 + 4 * feature.shape().length).order(ByteOrder.LITTLE_ENDIAN);
                header.putInt(scope.length).putInt(name.length).putInt(dtype.length).putInt(feature.shape().length)
                        .putInt(feature.data().length);
                out.write(header.array(), 0, 20);
                out.write(scope);
                out.write(name);
                out.write(dtype);
                for (int dim : feature.shape()) {
                    header.putInt(dim);
                }
                out.write(header.array(), 20, 4 * feature.shape().length);
                out.write(feature.data());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write feature batch " + file + ": " + e.getMessage(), e);
        }
    }

    public static Map<String, Feature> read(Path file) {
        Map<String, Feature> features = new LinkedHashMap<>();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 20))) {
            int record = 0;
            while (true) {
                byte[] header = new byte[20];
                int got = in.readNBytes(header, 0, 20);
                if (got == 0) {
                    return features;
                }
                if (got < 20) {
                    throw new IOException("record " + record + ": short header (" + got + " bytes)");
                }
                ByteBuffer h = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
                int scopeLength = h.getInt();
                int nameLength = h.getInt();
                int dtypeLength = h.getInt();
                int ndim = h.getInt();
                int nbytes = h.getInt();
                if (scopeLength < 0 || nameLength < 0 || dtypeLength < 0 || ndim < 0 || nbytes < 0) {
                    throw new IOException("record " + record + ": negative length in header");
                }
                String scope = new String(readFully(in, scopeLength, record), StandardCharsets.UTF_8);
                String name = new String(readFully(in, nameLength, record), StandardCharsets.UTF_8);
                String dtype = new String(readFully(in, dtypeLength, record), StandardCharsets.US_ASCII);
                ByteBuffer shapeBytes = ByteBuffer.wrap(readFully(in, 4 * ndim, record)).order(ByteOrder.LITTLE_ENDIAN);
                int[] shape = new int[ndim];
                for (int d = 0; d < ndim; d++) {
                    shape[d] = shapeBytes.getInt();
                }
                byte[] data = readFully(in, nbytes, record);
                if (!scope.equals(SCOPE)) {
                    throw new IOException("record " + record + " (" + name + "): scope '" + scope + "', expected "
                            + SCOPE);
                }
                features.put(name, new Feature(name, DType.ofNumpyName(dtype), shape, data));
                record++;
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new FeaturisationException("Cannot read feature batch " + file + ": " + e.getMessage(), e);
        }
    }

    private static byte[] readFully(InputStream in, int length, int record) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
            throw new EOFException("record " + record + ": truncated (" + bytes.length + " of " + length + " bytes)");
        }
        return bytes;
    }
}
