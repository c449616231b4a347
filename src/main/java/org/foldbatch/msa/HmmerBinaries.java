package org.foldbatch.msa;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Locations of the HMMER programs the gene and template searches run. */
public record HmmerBinaries(Path jackhmmer, Path nhmmer, Path hmmbuild, Path hmmalign, Path hmmsearch) {

    private static final List<String> NAMES = List.of("jackhmmer", "nhmmer", "hmmbuild", "hmmalign", "hmmsearch");

    /**
     * Finds all five programs in {@code directory}, or on the {@code PATH} when it is null; fails with one line naming
     * every missing program, so that a run stops before any work.
     */
    public static HmmerBinaries locate(Path directory) {
        List<Path> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String name : NAMES) {
            Path path = directory != null ? directory.resolve(name) : searchPath(name);
            if (path == null || !Files.isRegularFile(path) || !Files.isExecutable(path)) {
                missing.add(name);
            }
            found.add(path);
        }
        if (!missing.isEmpty()) {
            String where = directory != null ? "directory " + directory : "PATH (" + System.getenv("PATH") + ")";
            throw new org.foldbatch.FoldbatchException("HMMER binaries not found or not executable in " + where + ": "
                    + String.join(", ", missing) + "; install HMMER 3.3+ or set the HMMER binary directory");
        }
        return new HmmerBinaries(found.get(0), found.get(1), found.get(2), found.get(3), found.get(4));
    }

    /** The version banner of jackhmmer, e.g. {@code HMMER 3.3.2}; part of every cache key. */
    public String version(ToolRunner runner) {
        ToolRun run = runner.run("jackhmmer -h", List.of(jackhmmer.toString(), "-h"), null, Duration.ofSeconds(30));
        for (String line : run.stdoutTail().split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("# HMMER ")) {
                String rest = trimmed.substring(2);
                int end = rest.indexOf(' ', "HMMER ".length());
                return end < 0 ? rest : rest.substring(0, end);
            }
        }
        throw new IllegalStateException("Cannot read the HMMER version from " + jackhmmer + " -h");
    }

    /** The first executable {@code name} on the {@code PATH}, or null. */
    static Path searchPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
