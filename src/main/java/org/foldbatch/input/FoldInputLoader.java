package org.foldbatch.input;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads AlphaFold 3 input JSON files with AlphaFold 3's rules: a top-level list is the {@code alphafoldserver} dialect
 * (one or more jobs), an object the {@code alphafold3} dialect (one job). {@code *Path} fields are resolved relative to
 * the JSON file, decompressed when needed (gzip, xz, zstd) and inlined.
 *
 * <p>Every problem is an {@link InputException} whose one-line message names the file, the JSON path and the reason
 * (AlphaFold 3's wording where it has one). Instances are immutable and thread-safe.
 */
public final class FoldInputLoader {

    /** Inline MSAs of large complexes can pass Jackson's default 100M-character string limit. */
    private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final RandomGenerator random;

    public FoldInputLoader() {
        this(new SecureRandom());
    }

    /** @param random source of the seed drawn for an {@code alphafoldserver} job that gives none */
    public FoldInputLoader(RandomGenerator random) {
        this.random = random;
    }

    /** Every {@code *.json} regular file in a directory, sorted by name. */
    public static List<Path> jsonFiles(Path directory) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "*.json")) {
            for (Path entry : entries) {
                if (Files.isRegularFile(entry)) {
                    files.add(entry);
                }
            }
        } catch (IOException e) {
            throw new InputException(directory.toString(), "$", "Cannot list directory: "
                    + InputFile.describe(e), e);
        }
        files.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        return files;
    }

    /** Loads files and directories (every {@code *.json} in it, by name), in the order given. */
    public List<FoldInput> loadAll(List<Path> paths) {
        List<FoldInput> inputs = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                for (Path file : jsonFiles(path)) {
                    inputs.addAll(load(file));
                }
            } else {
                inputs.addAll(load(path));
            }
        }
        return inputs;
    }

    /** Loads one JSON file: one input for the {@code alphafold3} dialect, one per job for {@code alphafoldserver}. */
    public List<FoldInput> load(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            throw new InputException(path.toString(), "$", "Cannot read input file: " + InputFile.describe(e), e);
        }
        return parse(text, path);
    }

    /**
     * Parses JSON text. {@code jsonPath} names the source in messages and anchors relative {@code *Path} fields; it
     * need not exist when the text uses no relative paths.
     */
    public List<FoldInput> parse(String json, Path jsonPath) {
        InputFile file = new InputFile(jsonPath);
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw file.error("$", "Invalid JSON: " + e.getOriginalMessage() + where);
        }
        if (root == null || root.isMissingNode()) {
            throw file.error("$", "Invalid JSON: the file is empty");
        }
        if (root.isArray()) {
            ServerDialect server = new ServerDialect(file, random);
            List<FoldInput> inputs = new ArrayList<>();
            for (int i = 0; i < root.size(); i++) {
                inputs.add(server.parse(file.root(root.get(i), "$[" + i + "]")));
            }
            return inputs;
        }
        return List.of(new Alphafold3Dialect(file).parse(file.root(root, "$")));
    }
}
