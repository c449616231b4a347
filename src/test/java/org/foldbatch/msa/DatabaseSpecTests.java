package org.foldbatch.msa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseSpecTests {

    @Test
    void parsesShardSpecsAsAlphaFold3() {
        assertThat(DatabaseShards.parse("/db/uniprot.fasta@3")).contains(new DatabaseShards("/db/uniprot.fasta", 3, ""));
        assertThat(DatabaseShards.parse("/db/uniprot@12.fasta")).contains(new DatabaseShards("/db/uniprot", 12, ".fasta"));
        assertThat(DatabaseShards.parse("/db/uniprot.fasta")).isEmpty();
        assertThat(DatabaseShards.parse("/db/a@b.fasta")).isEmpty();
        assertThat(DatabaseShards.parse("/db/a@123456")).isEmpty();
        assertThat(new DatabaseShards("/db/u", 3, ".fa").paths()).containsExactly(Path.of("/db/u-00000-of-00003.fa"),
                Path.of("/db/u-00001-of-00003.fa"), Path.of("/db/u-00002-of-00003.fa"));
    }

    @Test
    void countsShardsOnDiskForAStar(@TempDir Path dir) throws Exception {
        for (int i = 0; i < 4; i++) {
            Files.writeString(dir.resolve(String.format("db-%05d-of-00004.fa", i)), ">a\nAC\n");
        }
        DatabaseSpec spec = DatabaseSpec.of("uniref90", dir.resolve("db@*.fa").toString(), 4.0);
        assertThat(spec.sharded()).isTrue();
        assertThat(spec.files()).hasSize(4);
        assertThat(spec.requireFiles()).isSameAs(spec);
        assertThatThrownBy(() -> DatabaseSpec.of("x", dir.resolve("none@*").toString(), 1.0))
                .hasMessageContaining("no files named");
    }

    @Test
    void shardedDatabaseNeedsZ() {
        assertThatThrownBy(() -> DatabaseSpec.of("uniprot", "/db/u.fa@3", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Database uniprot (/db/u.fa@3): a Z value is required for a sharded database so E-values"
                        + " are scaled to its full size");
    }

    @Test
    void reportsTheFirstMissingShard(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("u.fa-00000-of-00002"), ">a\nAC\n");
        DatabaseSpec spec = DatabaseSpec.of("uniprot", dir + "/u.fa@2", 2.0);
        assertThatThrownBy(spec::requireFiles)
                .hasMessage("Database uniprot (" + dir + "/u.fa@2): file " + dir + "/u.fa-00001-of-00002 (a shard)"
                        + " does not exist or is not a regular file");
        assertThatThrownBy(() -> DatabaseSpec.of("rfam", dir.resolve("missing.fa")).requireFiles())
                .hasMessageEndingWith("missing.fa does not exist or is not a regular file");
    }

    @Test
    void fingerprintChangesWithContentSizeOrTime(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("db.fa");
        Files.writeString(file, ">a\nACDE\n".repeat(1000));
        DatabaseSpec spec = DatabaseSpec.of("uniref90", file);
        String original = spec.fingerprint();
        assertThat(spec.fingerprint()).isEqualTo(original).hasSize(64);

        FileTime time = Files.getLastModifiedTime(file);
        byte[] bytes = Files.readAllBytes(file);
        bytes[3] = 'K';
        Files.write(file, bytes);
        Files.setLastModifiedTime(file, time);
        String edited = spec.fingerprint();
        assertThat(edited).isNotEqualTo(original);

        Files.setLastModifiedTime(file, FileTime.fromMillis(time.toMillis() + 5000));
        assertThat(spec.fingerprint()).isNotEqualTo(edited);

        Files.writeString(file, ">b\nK\n", StandardOpenOption.APPEND);
        assertThat(spec.fingerprint()).isNotIn(List.of(original, edited));
    }
}
