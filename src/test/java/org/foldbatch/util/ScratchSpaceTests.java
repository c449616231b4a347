package org.foldbatch.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchSpaceTests {

    @TempDir
    Path root;

    @Test
    void onlyTheDirectoriesOfThisHostsDeadProcessesAreRemoved() throws Exception {
        Path mine = ScratchSpace.ofThisProcess(root);
        Files.writeString(mine.resolve("query.fasta"), ">query\nMKV\n");
        Process gone = new ProcessBuilder("true").start().onExit().get();
        Path killed = root.resolve(ProcessOwner.hostName() + "_" + gone.pid() + "_"
                + gone.info().startInstant().map(i -> i.toEpochMilli()).orElse(1L));
        Files.createDirectories(killed.resolve("jackhmmer-1"));
        Files.writeString(killed.resolve("jackhmmer-1/output.sto"), "# STOCKHOLM 1.0\n");
        Path otherHost = Files.createDirectories(root.resolve("elsewhere_1_0"));
        Path notAProcess = Files.createDirectories(root.resolve("jackhmmer-123"));

        assertThat(ScratchSpace.removeDead(root)).isEqualTo(1);

        assertThat(killed).doesNotExist();
        assertThat(mine.resolve("query.fasta")).exists();
        assertThat(otherHost).exists();
        assertThat(notAProcess).exists();
        assertThat(mine.getFileName().toString()).isEqualTo(ProcessOwner.currentToken().replace(' ', '_'));
    }
}
