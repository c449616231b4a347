package org.foldbatch.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.foldbatch.msa.DatabaseSpec;
import org.foldbatch.msa.SequenceDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseLocationsTests {

    @TempDir
    Path temp;

    @Test
    void relativeNamesResolveInTheFirstDbDirHoldingTheFile() throws Exception {
        Path first = Files.createDirectories(temp.resolve("first"));
        Path second = Files.createDirectories(temp.resolve("second"));
        Files.writeString(second.resolve("uniref90_2022_05.fa"), ">a\nA\n");
        Files.writeString(first.resolve("my_bfd.fa"), ">a\nA\n");
        DatabaseLocations locations = new DatabaseLocations(Map.of("small-bfd", "my_bfd.fa"),
                Map.of("UniRef90", 1234.0), List.of(first, second));

        Map<SequenceDatabase, DatabaseSpec> specs = locations.specs();

        assertThat(specs.get(SequenceDatabase.UNIREF90).spec())
                .as("AlphaFold 3's file name, found in the second dir")
                .isEqualTo(second.resolve("uniref90_2022_05.fa").toAbsolutePath().toString());
        assertThat(specs.get(SequenceDatabase.UNIREF90).zValue()).isEqualTo(1234.0);
        assertThat(specs.get(SequenceDatabase.SMALL_BFD).spec()).as("named small-bfd in the settings")
                .isEqualTo(first.resolve("my_bfd.fa").toAbsolutePath().toString());
        assertThat(specs.get(SequenceDatabase.MGNIFY).spec()).as("found nowhere: the first candidate")
                .isEqualTo(first.resolve("mgy_clusters_2022_05.fa").toAbsolutePath().toString());
        assertThat(locations.path("pdb_mmcif_dir", "mmcif_files"))
                .isEqualTo(first.resolve("mmcif_files").toAbsolutePath().toString());
    }
}
