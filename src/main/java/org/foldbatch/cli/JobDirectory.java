package org.foldbatch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.stream.Stream;

import org.foldbatch.FoldbatchException;
import org.foldbatch.batch.FoldJobLauncher;
import org.foldbatch.batch.FoldJobParameters;
import org.springframework.batch.core.job.JobExecution;

/**
 * Where a fold writes, as AlphaFold 3 picks it and so that restarts keep working. A fold that ran before (a restart of
 * a failed or killed run, or one already completed) keeps the directory its first launch chose. A new fold writes to
 * {@code <output_dir>/<name>}, unless that exists and is not empty and --force_output_dir is off: then to
 * {@code <output_dir>/<name>_YYYYMMDD_HHMMSS}, as run_alphafold.py does.
 */
final class JobDirectory {

    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");

    private JobDirectory() {
    }

    static FoldJobParameters choose(FoldJobLauncher launcher, FoldJobParameters plain, String name,
            boolean forceOutputDir, LocalDateTime now) {
        Optional<JobExecution> last = launcher.lastExecution(plain);
        if (last.isPresent()) {
            String chosen = last.get().getJobParameters().getString(FoldJobParameters.JOB_DIR);
            return chosen == null ? plain : withJobDir(plain, Path.of(chosen));
        }
        Path usual = plain.outputDir().resolve(name);
        if (forceOutputDir || !inUse(usual)) {
            return plain;
        }
        Path chosen = plain.outputDir().resolve(name + "_" + SUFFIX.format(now));
        System.out.printf("Output will be written in %s since %s is non-empty.%n", chosen, usual);
        return withJobDir(plain, chosen);
    }

    private static boolean inUse(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Files.exists(dir);
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isPresent();
        } catch (IOException e) {
            throw new FoldbatchException("cannot list output directory " + dir + ": " + e.getMessage(), e);
        }
    }

    private static FoldJobParameters withJobDir(FoldJobParameters p, Path jobDir) {
        return new FoldJobParameters(p.inputHash(), p.stages(), p.outputDir(), p.fresh(), jobDir);
    }
}
