package org.foldbatch.input;

import static org.foldbatch.input.JsonField.pyRepr;
import static org.foldbatch.input.JsonField.pyStr;
import static org.foldbatch.input.JsonField.pyType;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.foldbatch.util.PythonJson;
import tools.jackson.databind.JsonNode;

/** The JSON file being parsed: names it in errors and resolves the files its {@code *Path} fields point to. */
final class InputFile {

    /** AlphaFold 3 refuses an inline value shorter than this that names an existing file. */
    private static final int PATH_LIKE_LENGTH = 256;

    private final Path jsonPath;
    private final String source;

    InputFile(Path jsonPath) {
        this.jsonPath = jsonPath;
        this.source = String.valueOf(jsonPath);
    }

    JsonField root(JsonNode node, String path) {
        return new JsonField(this, node, path);
    }

    boolean looksLikeExistingFile(String value) {
        if (value.codePointCount(0, value.length()) >= PATH_LIKE_LENGTH) {
            return false;
        }
        try {
            return Files.exists(Path.of(value));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    String readReferenced(String value, String path) {
        if (value.startsWith("gs://")) {
            throw error(path, "Google Cloud Storage paths are not supported: " + value);
        }
        Path file;
        try {
            file = Path.of(value);
        } catch (InvalidPathException e) {
            throw error(path, "Invalid path " + PythonJson.repr(value) + ": " + e.getReason());
        }
        if (!file.isAbsolute()) {
            Path parent = jsonPath == null ? null : jsonPath.toAbsolutePath().getParent();
            if (parent == null) {
                throw error(path, "json_path must be specified if path is not absolute.");
            }
            file = parent.resolve(file).normalize();
        }
        try {
            return TextFiles.read(file);
        } catch (IOException e) {
            throw error(path, "Cannot read " + file + ": " + describe(e));
        }
    }

    <T> T construct(String path, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException e) {
            throw error(path, e.getMessage());
        }
    }

    InputException error(String path, String reason) {
        return new InputException(source, path, reason);
    }

    List<Long> seeds(JsonField list) {
        list.requireArray();
        List<BigInteger> values = new ArrayList<>();
        for (int k = 0; k < list.size(); k++) {
            values.add(pythonInt(list.at(k)));
        }
        List<Long> seeds = new ArrayList<>();
        for (int k = 0; k < values.size(); k++) {
            BigInteger value = values.get(k);
            if (value.signum() < 0 || value.compareTo(BigInteger.valueOf(FoldInput.MAX_SEED)) > 0) {
                throw error(list.at(k).path, "RNG seeds must be 32-bit unsigned integers, got " + values);
            }
            seeds.add(value.longValue());
        }
        return seeds;
    }

    /** Python's {@code int(seed)}: integers, integral floats and decimal strings are accepted. */
    BigInteger pythonInt(JsonField seed) {
        JsonNode n = seed.node;
        if (n.isIntegralNumber()) {
            return n.bigIntegerValue();
        }
        if (n.isFloatingPointNumber() && n.canConvertToExactIntegral()) {
            return n.decimalValue().toBigIntegerExact();
        }
        if (n.isString()) {
            try {
                return new BigInteger(n.stringValue().strip().replace("_", ""));
            } catch (NumberFormatException e) {
                throw error(seed.path, "invalid literal for int() with base 10: " + pyRepr(n));
            }
        }
        throw error(seed.path, "Seeds must be integers, got " + pyType(n) + ": " + pyStr(n));
    }

    String name(JsonField root) {
        JsonField name = root.require("name");
        String value = name.requireString();
        String problem = FoldInput.nameProblem(value);
        if (problem != null) {
            throw error(name.path, problem);
        }
        return value;
    }

    void letters(PolymerKind kind, String sequence, JsonField node) {
        if (!sequence.codePoints().allMatch(Character::isLetter)) {
            throw error(node.path, kind.label() + " must contain only letters, got \"" + sequence + "\"");
        }
    }

    /** The body's {@code sequence}: a string of letters. */
    String sequence(JsonField body, PolymerKind kind) {
        JsonField sequenceField = body.require("sequence");
        String sequence = sequenceField.requireString();
        letters(kind, sequence, sequenceField);
        return sequence;
    }

    /** AlphaFold 3's index check, naming the position field of the first modification outside the sequence. */
    void requireModificationIndices(PolymerKind kind, String sequence, List<Modification> modifications,
                                    List<String> positionPaths) {
        for (int k = 0; k < modifications.size(); k++) {
            int position = modifications.get(k).position();
            if (position < 1 || position > sequence.length()) {
                throw error(positionPaths.get(k), "Invalid " + kind.modificationKind() + " modification index: "
                        + Modification.pythonRepr(modifications));
            }
        }
    }

    static String describe(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "no such file: " + e.getMessage();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
