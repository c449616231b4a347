package org.foldbatch.records;

import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Files in the AlphaFold 3 record format: the weights ({@code af3.bin.zst} and its multi-part and uncompressed
 * variants), the reference test vectors, and feature batches. A name ending in {@code .zst} means zstd.
 */
public final class RecordFile {
    private static final int BUFFER = 1 << 20;

    private RecordFile() {
    }

    /** Streams the records of one file to {@code sink}; only one record is held at a time. */
    public static void forEach(Path file, Consumer<Record> sink) {
        try (RecordReader reader = open(file)) {
            for (Record r = reader.next(); r != null; r = reader.next()) {
                sink.accept(r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    public static RecordReader open(Path file) throws IOException {
        return new RecordReader(decompressing(List.of(file), isZstd(file)), file.toString());
    }

    public static void write(Path file, List<Record> records) {
        try (RecordWriter w = writer(file)) {
            for (Record r : records) {
                w.write(r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    public static RecordWriter writer(Path file) throws IOException {
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), BUFFER);
        if (isZstd(file)) {
            out = new ZstdOutputStream(out, 3);
        }
        return new RecordWriter(out);
    }

    /**
     * Opens the model files of {@code modelName} in {@code dir}, chosen as AlphaFold 3's loader chooses them: the first
     * of these patterns that matches any file wins, multi-part files are sorted by name as strings and concatenated
     * into one stream before decompression.
     */
    public static RecordReader openModel(Path dir, String modelName) throws IOException {
        List<Path> parts = selectModelFiles(dir, modelName);
        String source = parts.size() == 1 ? parts.get(0).toString() : dir + "/" + parts.stream()
                .map(p -> p.getFileName().toString()).toList();
        return new RecordReader(decompressing(parts, isZstd(parts.get(0)) || isZstdPart(parts.get(0))), source);
    }

    public static List<Path> selectModelFiles(Path dir, String modelName) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new RecordFormatException(dir + ": model directory does not exist");
        }
        String m = Pattern.quote(modelName);
        List<Pattern> patterns = List.of(
                Pattern.compile(m + "\\.\\d+\\.bin\\.zst"),
                Pattern.compile(m + "\\.bin\\.zst\\.\\d+"),
                Pattern.compile(m + "\\.\\d+\\.bin"),
                Pattern.compile(m + "\\.bin\\.zst"),
                Pattern.compile(m + "\\.bin"));
        List<String> names;
        try (Stream<Path> files = Files.list(dir)) {
            names = files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        }
        for (Pattern p : patterns) {
            List<Path> hits = new ArrayList<>();
            for (String n : names) {
                if (p.matcher(n).matches()) {
                    hits.add(dir.resolve(n));
                }
            }
            if (!hits.isEmpty()) {
                Collections.sort(hits, (a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
                return hits;
            }
        }
        throw new RecordFormatException(dir + ": no model files for '" + modelName + "' (expected " + modelName
                + ".bin.zst, " + modelName + ".bin, or numbered parts); found " + names);
    }

    private static InputStream decompressing(List<Path> parts, boolean zstd) throws IOException {
        List<InputStream> streams = new ArrayList<>();
        for (Path p : parts) {
            streams.add(Files.newInputStream(p));
        }
        InputStream joined = new BufferedInputStream(
                new SequenceInputStream(Collections.enumeration(streams)), BUFFER);
        if (!zstd) {
            return joined;
        }
        ZstdInputStream z = new ZstdInputStream(joined);
        z.setContinuous(false);
        return new BufferedInputStream(z, BUFFER);
    }

    private static boolean isZstd(Path p) {
        return p.getFileName().toString().endsWith(".zst");
    }

    private static boolean isZstdPart(Path p) {
        return p.getFileName().toString().matches(".*\\.bin\\.zst\\.\\d+");
    }
}
