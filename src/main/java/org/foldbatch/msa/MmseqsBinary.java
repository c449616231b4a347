package org.foldbatch.msa;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.foldbatch.FoldbatchException;

/** The MMseqs2 executable ({@code mmseqs}), found like HMMER's programs: a configured path or the {@code PATH}. */
public record MmseqsBinary(Path path) {

    /** @param configured the executable, or null to look for {@code mmseqs} on the {@code PATH} */
    public static MmseqsBinary locate(Path configured) {
        Path path = configured != null ? configured : HmmerBinaries.searchPath("mmseqs");
        if (path == null || !Files.isRegularFile(path) || !Files.isExecutable(path)) {
            String where = configured != null ? configured.toString() : "PATH (" + System.getenv("PATH") + ")";
            throw new FoldbatchException("MMseqs2 not found or not executable in " + where
                    + "; install MMseqs2 (Debian package mmseqs2) or set foldbatch.search.mmseqs-binary");
        }
        return new MmseqsBinary(path);
    }

    /** {@code mmseqs version}, e.g. {@code 14-7e284+ds-1+b2}; part of every MMseqs2 cache key. */
    public String version(ToolRunner runner) {
        String version = runner.run("mmseqs version", List.of(path.toString(), "version"), null,
                Duration.ofSeconds(30)).stdoutTail().strip();
        if (version.isEmpty() || version.contains("\n")) {
            throw new IllegalStateException("Cannot read the MMseqs2 version from " + path + " version");
        }
        return version;
    }
}
