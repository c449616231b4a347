package org.foldbatch.msa;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.foldbatch.msa.DatabaseStager.Lease;
import org.foldbatch.msa.DatabaseStager.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Staging database copies: once, checked, refreshed, bounded with LRU eviction, and safe with two stagers. */
class DatabaseStagerTests {

    @TempDir
    Path temp;

    private Path source(String name, int bytes, char fill) throws IOException {
        Path file = temp.resolve("src").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, ">s\n" + String.valueOf(fill).repeat(bytes - 4) + "\n");
        return file;
    }

    private static DatabaseSpec spec(Path file) {
        return DatabaseSpec.of("uniref90", file);
    }

    private Outcome stageOnce(DatabaseStager stager, Path file) {
        try (Lease lease = stager.stage(spec(file))) {
            return lease.outcomes().get(0);
        }
    }

    @Test
    void copiesOnceAndSearchesReadTheCopy() throws IOException {
        Path db = source("uniref90.fasta", 10_000, 'A');
        DatabaseStager stager = new DatabaseStager(temp.resolve("shm"), 1 << 20);

        try (Lease first = stager.stage(spec(db))) {
            Path copy = first.spec().files().get(0);
            assertThat(first.outcomes()).containsExactly(Outcome.COPIED);
            assertThat(copy).startsWith(temp.resolve("shm")).hasFileName("uniref90.fasta").hasSameBinaryContentAs(db);
            assertThat(first.spec().name()).isEqualTo("uniref90");
            assertThat(first.spec().spec()).isEqualTo(spec(db).spec());
        }
        Path copy = temp.resolve("shm").resolve(Files.list(temp.resolve("shm")).filter(Files::isDirectory)
                .findFirst().orElseThrow()).resolve("uniref90.fasta");
        FileTime copied = Files.getLastModifiedTime(copy);
        assertThat(stageOnce(stager, db)).isEqualTo(Outcome.REUSED);
        assertThat(stageOnce(new DatabaseStager(temp.resolve("shm"), 1 << 20), db)).isEqualTo(Outcome.REUSED);
        assertThat(Files.getLastModifiedTime(copy)).isEqualTo(copied);
    }

    @Test
    void aChangedSourceIsCopiedAgain() throws IOException {
        Path db = source("mgnify.fa", 5_000, 'C');
        DatabaseStager stager = new DatabaseStager(temp.resolve("shm"), 1 << 20);
        assertThat(stageOnce(stager, db)).isEqualTo(Outcome.COPIED);

        Files.writeString(db, ">s\n" + "D".repeat(4_996) + "\n"); // same size, new bytes and mtime
        Files.setLastModifiedTime(db, FileTime.fromMillis(Files.getLastModifiedTime(db).toMillis() + 5_000));
        try (Lease lease = stager.stage(spec(db))) {
            assertThat(lease.outcomes()).containsExactly(Outcome.COPIED);
            assertThat(lease.spec().files().get(0)).hasSameBinaryContentAs(db);
        }
    }

    @Test
    void aDamagedCopyFailsItsChecksumAndIsCopiedAgain() throws IOException {
        Path db = source("bfd.fasta", 5_000, 'E');
        Path copy;
        try (Lease lease = new DatabaseStager(temp.resolve("shm"), 1 << 20).stage(spec(db))) {
            copy = lease.spec().files().get(0);
        }
        Files.writeString(copy.resolveSibling(".copy-999-1"), "left by a stager killed mid-copy");
        byte[] bytes = Files.readAllBytes(copy);
        bytes[100] = 'X'; // same size: only the checksum can tell
        Files.write(copy, bytes);
        Files.setLastModifiedTime(copy, FileTime.fromMillis(Files.getLastModifiedTime(copy).toMillis() + 5_000));

        assertThat(stageOnce(new DatabaseStager(temp.resolve("shm"), 1 << 20), db)).isEqualTo(Outcome.COPIED);
        assertThat(copy).hasSameBinaryContentAs(db);
        assertThat(copy.resolveSibling(".copy-999-1")).doesNotExist();
    }

    @Test
    void theLeastRecentlyUsedCopyNobodyReadsIsEvicted() throws IOException {
        Path a = source("a.fasta", 40_000, 'A');
        Path b = source("b.fasta", 40_000, 'C');
        Path c = source("c.fasta", 40_000, 'D');
        DatabaseStager stager = new DatabaseStager(temp.resolve("shm"), 100_000);
        assertThat(stageOnce(stager, a)).isEqualTo(Outcome.COPIED);
        assertThat(stageOnce(stager, b)).isEqualTo(Outcome.COPIED);
        backdate(a, 60_000); // a used before b
        backdate(b, 30_000);
        assertThat(stageOnce(stager, b)).isEqualTo(Outcome.REUSED); // b used again: now the most recent

        assertThat(stageOnce(stager, c)).isEqualTo(Outcome.COPIED);
        assertThat(stageOnce(stager, b)).isEqualTo(Outcome.REUSED);
        assertThat(stager.stagedBytes()).isLessThanOrEqualTo(100_000);
        backdate(c, 90_000);
        assertThat(stageOnce(stager, a)).isEqualTo(Outcome.COPIED); // a was evicted; now c, the oldest, goes
        assertThat(stageOnce(stager, b)).isEqualTo(Outcome.REUSED);
    }

    @Test
    void aCopyBeingReadIsNotEvictedAndWhatDoesNotFitIsReadFromTheSource() throws IOException {
        Path a = source("a.fasta", 60_000, 'A');
        Path b = source("b.fasta", 60_000, 'C');
        Path huge = source("huge.fasta", 200_000, 'D');
        DatabaseStager stager = new DatabaseStager(temp.resolve("shm"), 100_000);
        try (Lease reading = stager.stage(spec(a))) {
            try (Lease other = stager.stage(spec(b))) {
                assertThat(other.outcomes()).containsExactly(Outcome.SOURCE);
                assertThat(other.spec().files()).containsExactly(b);
            }
            assertThat(reading.spec().files().get(0)).hasSameBinaryContentAs(a);
        }
        assertThat(stageOnce(stager, b)).isEqualTo(Outcome.COPIED); // a no longer read: evicted
        assertThat(stageOnce(stager, huge)).isEqualTo(Outcome.SOURCE);
    }

    @Test
    void shardsAreStagedFileByFile() throws IOException {
        Path dir = temp.resolve("src");
        Files.createDirectories(dir);
        for (int i = 0; i < 3; i++) {
            Files.writeString(dir.resolve(String.format("uniprot.fa-%05d-of-00003", i)), ">s" + i + "\nACDE\n");
        }
        DatabaseSpec sharded = DatabaseSpec.of("uniprot", dir.resolve("uniprot.fa") + "@3", 3.0);
        try (Lease lease = new DatabaseStager(temp.resolve("shm"), 1 << 20).stage(sharded)) {
            assertThat(lease.outcomes()).containsExactly(Outcome.COPIED, Outcome.COPIED, Outcome.COPIED);
            assertThat(lease.spec().sharded()).isTrue();
            assertThat(lease.spec().zValue()).isEqualTo(3.0);
            for (int i = 0; i < 3; i++) {
                assertThat(lease.spec().files().get(i)).hasSameBinaryContentAs(sharded.files().get(i))
                        .hasFileName(sharded.files().get(i).getFileName().toString());
            }
        }
    }

    @Test
    void twoStagersAtOnceCopyOnce() throws Exception {
        Path db = source("uniref90.fasta", 3_000_000, 'A');
        int stagers = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(stagers);
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < stagers; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return stageOnce(new DatabaseStager(temp.resolve("shm"), 10_000_000), db);
                }));
            }
            start.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : futures) {
                outcomes.add(f.get());
            }
            assertThat(Collections.frequency(outcomes, Outcome.COPIED)).isEqualTo(1);
            assertThat(Collections.frequency(outcomes, Outcome.REUSED)).isEqualTo(stagers - 1);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Marks a staged file's entry as last used {@code millis} ago. */
    private void backdate(Path source, long millis) throws IOException {
        try (var entries = Files.list(temp.resolve("shm"))) {
            for (Path entry : entries.filter(Files::isDirectory).toList()) {
                if (Files.exists(entry.resolve(source.getFileName()))) {
                    Files.setLastModifiedTime(entry.resolve("last-used"),
                            FileTime.fromMillis(System.currentTimeMillis() - millis));
                }
            }
        }
    }
}
