package org.foldbatch.msa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.List;
import java.util.Objects;

import org.foldbatch.util.Hashing;

/**
 * A sequence database for a gene search: a plain FASTA path or a sharded {@code prefix@N} spec, with the optional
 * HMMER Z value (database size: sequences for jackhmmer, megabases for nhmmer), which is mandatory when sharded so
 * that E-values are scaled to the whole database.
 *
 * @param name the AlphaFold 3 database role, e.g. {@code uniref90}; used in cache keys and result records
 */
public record DatabaseSpec(String name, String spec, List<Path> files, boolean sharded, Double zValue) {

    private static final int EDGE_BYTES = 1 << 20;

    public DatabaseSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(spec, "spec");
        files = List.copyOf(files);
        if (sharded && zValue == null) {
            throw new IllegalArgumentException("Database " + name + " (" + spec
                    + "): a Z value is required for a sharded database so E-values are scaled to its full size");
        }
        if (zValue != null && !(zValue > 0)) {
            throw new IllegalArgumentException("Database " + name + " (" + spec + "): Z value must be > 0, got "
                    + zValue);
        }
    }

    /** Parses {@code spec} (a path or {@code prefix@N}) without touching the files; see {@link #requireFiles()}. */
    public static DatabaseSpec of(String name, String spec, Double zValue) {
        return DatabaseShards.parse(spec)
                .map(shards -> new DatabaseSpec(name, spec, shards.paths(), true, zValue))
                .orElseGet(() -> new DatabaseSpec(name, spec, List.of(Path.of(spec)), false, zValue));
    }

    public static DatabaseSpec of(String name, Path file) {
        return of(name, file.toString(), null);
    }

    /** The file name used in tool labels and results, e.g. {@code uniref90_2022_05.fa} or {@code uniprot.fa@8}. */
    public String displayName() {
        Path fileName = Path.of(spec).getFileName();
        return fileName == null ? spec : fileName.toString();
    }

    /** Fails with one line naming the first missing or unreadable file, before any search starts. */
    public DatabaseSpec requireFiles() {
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("Database " + name + " (" + spec + "): file " + file
                        + (sharded ? " (a shard)" : "") + " does not exist or is not a regular file");
            }
            if (!Files.isReadable(file)) {
                throw new IllegalArgumentException("Database " + name + " (" + spec + "): file " + file
                        + " is not readable");
            }
        }
        return this;
    }

    /**
     * A SHA-256 over each file's absolute path, size, modification time and the SHA-256 of its first and last MiB.
     * Reading whole multi-hundred-GB databases per run is not affordable; a rewrite, truncation, append or copy over
     * the file changes the size, the mtime or the edge bytes, which is what a cache key must notice.
     */
    public String fingerprint() {
        MessageDigest digest = Hashing.digest();
        for (Path file : files) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                long size = attributes.size();
                update(digest, file.toAbsolutePath().normalize().toString());
                update(digest, Long.toString(size));
                update(digest, Long.toString(attributes.lastModifiedTime().toMillis()));
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                    digest.update(edgeHash(channel, 0, Math.min(size, EDGE_BYTES)));
                    long tailStart = Math.max(0, size - EDGE_BYTES);
                    digest.update(edgeHash(channel, tailStart, size - tailStart));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Database " + name + " (" + spec + "): cannot fingerprint " + file
                        + ": " + e.getMessage(), e);
            }
        }
        return Hashing.hex(digest);
    }

    /** Sizes and modification times of the files: a cheap check of whether {@link #fingerprint()} may have changed. */
    String statSignature() {
        StringBuilder signature = new StringBuilder();
        for (Path file : files) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                signature.append(attributes.size()).append(':').append(attributes.lastModifiedTime().toMillis())
                        .append(';');
            } catch (IOException e) {
                throw new UncheckedIOException("Database " + name + " (" + spec + "): cannot read attributes of "
                        + file + ": " + e.getMessage(), e);
            }
        }
        return signature.toString();
    }

    private static byte[] edgeHash(FileChannel channel, long position, long length) throws IOException {
        MessageDigest digest = Hashing.digest();
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        long done = 0;
        while (done < length) {
            buffer.clear();
            buffer.limit((int) Math.min(buffer.capacity(), length - done));
            int n = channel.read(buffer, position + done);
            if (n < 0) {
                break;
            }
            buffer.flip();
            digest.update(buffer);
            done += n;
        }
        return digest.digest();
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }
}
