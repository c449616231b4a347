package org.foldbatch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.foldbatch.FoldbatchException;

/** Expands the INPUT arguments: a file stays, a directory becomes its {@code *.json} files sorted by name. */
final class InputFiles {

    private InputFiles() {
    }

    static List<Path> expand(List<Path> arguments) {
        List<Path> files = new ArrayList<>();
        for (Path arg : arguments) {
            if (Files.isDirectory(arg)) {
                int before = files.size();
                try (Stream<Path> s = Files.list(arg)) {
                    s.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
                            .sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new FoldbatchException(arg + ": cannot list the directory: " + e.getMessage());
                }
                if (files.size() == before) {
                    throw new FoldbatchException(arg + ": no *.json input files in this directory");
                }
            } else if (Files.isRegularFile(arg)) {
                files.add(arg);
            } else {
                throw new FoldbatchException(arg + ": no such file or directory");
            }
        }
        return files;
    }
}
