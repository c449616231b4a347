package org.foldbatch.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.foldbatch.FoldbatchException;
import org.foldbatch.input.FoldInput;
import org.foldbatch.input.FoldInputWriter;

/**
 * Writes the completed input as {@code <name>_data.json} through a temporary file and an atomic rename: a kill
 * leaves the old file or the new one.
 */
final class DataJsonWriter {

    private DataJsonWriter() {
    }

    static Path write(FoldInput completed, Path outputDir) {
        String name = completed.sanitisedName();
        Path dir = outputDir.resolve(name);
        Path target = dir.resolve(name + "_data.json");
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + name + "_data.json.", ".tmp");
            try {
                Files.writeString(tmp, FoldInputWriter.toJson(completed), StandardCharsets.UTF_8);
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new FoldbatchException(target + ": cannot write: " + e.getMessage(), e);
        }
        return target;
    }

}
