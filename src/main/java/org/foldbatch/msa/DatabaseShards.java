package org.foldbatch.msa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sharded database spec {@code prefix@N[suffix]} (or {@code prefix@*}) naming the files
 * {@code prefix-00000-of-0000N[suffix]} ... as AlphaFold 3's {@code shards.py}.
 */
public record DatabaseShards(String prefix, int count, String suffix) {

    public static final int MAX_SHARDS = 99_999;
    private static final Pattern SPEC = Pattern.compile("^([^?\\],*]+)@(\\d{1,5}|\\*)([._][^?\\]@*/]*)?$");

    public DatabaseShards {
        if (count < 1 || count > MAX_SHARDS) {
            throw new IllegalArgumentException("Shard count must be 1.." + MAX_SHARDS + ", got " + count);
        }
    }

    /** Parses a spec; empty when {@code spec} is a plain path. {@code @*} counts the shard files on disk. */
    public static Optional<DatabaseShards> parse(String spec) {
        Matcher m = SPEC.matcher(spec);
        if (!m.matches()) {
            return Optional.empty();
        }
        String prefix = m.group(1);
        String suffix = m.group(3) == null ? "" : m.group(3);
        if (!m.group(2).equals("*")) {
            return Optional.of(new DatabaseShards(prefix, Integer.parseInt(m.group(2)), suffix));
        }
        int found = countShardFiles(prefix, suffix);
        if (found == 0) {
            throw new IllegalArgumentException("Sharded database " + spec + ": no files named " + prefix
                    + "-NNNNN-of-NNNNN" + suffix + " found");
        }
        return Optional.of(new DatabaseShards(prefix, found, suffix));
    }

    public List<Path> paths() {
        List<Path> paths = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            paths.add(Path.of(String.format(Locale.ROOT, "%s-%05d-of-%05d%s", prefix, i, count, suffix)));
        }
        return paths;
    }

    private static int countShardFiles(String prefix, String suffix) {
        Path prefixPath = Path.of(prefix);
        Path dir = prefixPath.getParent() == null ? Path.of(".") : prefixPath.getParent();
        Pattern name = Pattern.compile(Pattern.quote(prefixPath.getFileName().toString())
                + "-(\\d{5})-of-\\d{5}" + Pattern.quote(suffix));
        int highest = -1;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                Matcher m = name.matcher(file.getFileName().toString());
                if (m.matches()) {
                    highest = Math.max(highest, Integer.parseInt(m.group(1)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir + " for shards of " + prefix + ": " + e.getMessage(),
                    e);
        }
        return highest + 1;
    }
}
