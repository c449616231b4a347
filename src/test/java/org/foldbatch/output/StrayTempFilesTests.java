package org.foldbatch.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12, item 12: the temporary files a killed write leaves behind are removed when the fold runs again. */
class StrayTempFilesTests {

    @TempDir
    Path dir;

    @Test
    void onlyTheAtomicWritersTemporaryFilesAreRemoved() throws Exception {
        Path job = Files.createDirectories(dir.resolve("job/seed-1_sample-0"));
        Path stray = Files.createTempFile(dir.resolve("job"), ".job_data.json.", ".tmp");
        Path nested = Files.createTempFile(job, ".job_seed-1_sample-0_model.cif.", ".tmp");
        Path kept = Files.writeString(dir.resolve("job/job_data.json"), "{}");
        Path userFile = Files.writeString(dir.resolve("job/notes.tmp"), "mine");

        int removed = OutputLayout.removeStrayTempFiles(dir.resolve("job"));

        assertThat(removed).isEqualTo(2);
        assertThat(stray).doesNotExist();
        assertThat(nested).doesNotExist();
        assertThat(kept).exists();
        assertThat(userFile).exists();
    }
}
