package org.foldbatch.msa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The MMseqs2 form of a FASTA database ({@code createdb} + {@code createindex}) in a managed directory, one per
 * database fingerprint: {@code <root>/<role>-<fingerprint prefix>/}. It is built on first use into a temporary
 * directory and renamed into place once complete, with a {@code READY} file naming the fingerprint and the MMseqs2
 * version; a changed FASTA has a new fingerprint and so a new directory. Builders take a file lock (and, inside one
 * JVM, a monitor), so two processes needing the same index build it once and the second finds it ready.
 */
public final class MmseqsIndex {

    private static final Map<Path, Object> JVM_LOCKS = new ConcurrentHashMap<>();
    static final String READY = "READY";

    private final MmseqsBinary binary;
    private final String version;
    private final ToolRunner runner;
    private final Path root;
    private final int threads;
    private final Duration timeout;

    /** @param root the managed directory (under the data dir), created when missing */
    public MmseqsIndex(MmseqsBinary binary, String version, ToolRunner runner, Path root, int threads,
            Duration timeout) {
        this.binary = binary;
        this.version = version;
        this.runner = runner;
        this.root = root.toAbsolutePath().normalize();
        this.threads = threads;
        this.timeout = timeout;
    }

    /** The MMseqs2 database prefix (its {@code .idx} next to it) of {@code database}, built now if needed. */
    public Path ensure(DatabaseSpec database, String fingerprint) {
        Path dir = root.resolve(database.name() + "-" + fingerprint.substring(0, 16));
        if (ready(dir, database, fingerprint)) {
            return dir.resolve("db");
        }
        SearchFiles.createDirectories(root);
        Path lockFile = root.resolve(dir.getFileName() + ".lock");
        synchronized (JVM_LOCKS.computeIfAbsent(lockFile.toAbsolutePath().normalize(), p -> new Object())) {
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = channel.lock()) {
                if (!ready(dir, database, fingerprint)) {
                    SearchFiles.deleteRecursively(dir);
                    build(database, fingerprint, dir);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("MMseqs2 index of " + database.name() + ": cannot lock " + lockFile
                        + ": " + e.getMessage(), e);
            }
        }
        return dir.resolve("db");
    }

    /** Complete when the marker names this fingerprint and version and the database and index files exist. */
    private boolean ready(Path dir, DatabaseSpec database, String fingerprint) {
        Path marker = dir.resolve(READY);
        if (!Files.isRegularFile(marker)) {
            return false;
        }
        if (!SearchFiles.read(marker).equals(markerText(database, fingerprint))) {
            return false;
        }
        for (String file : List.of("db", "db.dbtype", "db.index", "db_h", "db.idx", "db.idx.index")) {
            if (!Files.isRegularFile(dir.resolve(file))) {
                return false;
            }
        }
        return true;
    }

    private String markerText(DatabaseSpec database, String fingerprint) {
        return "database=" + database.name() + "\nspec=" + database.spec() + "\nfingerprint=" + fingerprint
                + "\nmmseqs=" + version + "\n";
    }

    private void build(DatabaseSpec database, String fingerprint, Path dir) {
        database.requireFiles();
        Path building = SearchFiles.createTempDir(root, dir.getFileName() + ".building-");
        try {
            List<String> createdb = new ArrayList<>(List.of(binary.path().toString(), "createdb"));
            database.files().forEach(f -> createdb.add(f.toAbsolutePath().toString()));
            createdb.addAll(List.of(building.resolve("db").toString(), "--dbtype", "1", "-v", "1"));
            runner.run("mmseqs createdb (" + database.displayName() + ")", createdb, building, timeout);
            runner.run("mmseqs createindex (" + database.displayName() + ")", List.of(binary.path().toString(),
                    "createindex", building.resolve("db").toString(), building.resolve("tmp").toString(),
                    "--remove-tmp-files", "1", "--threads", Integer.toString(threads), "-v", "1"), building, timeout);
            SearchFiles.deleteRecursively(building.resolve("tmp"));
            Files.writeString(building.resolve(READY), markerText(database, fingerprint), StandardCharsets.UTF_8);
            move(building, dir);
        } catch (IOException e) {
            throw new UncheckedIOException("MMseqs2 index of " + database.name() + ": cannot write " + building
                    + ": " + e.getMessage(), e);
        } finally {
            SearchFiles.deleteRecursively(building);
        }
    }

    /** Renames the finished build into place; a build left by a process that did not lock is replaced. */
    private static void move(Path building, Path dir) throws IOException {
        try {
            Files.move(building, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException e) {
            SearchFiles.deleteRecursively(dir);
            Files.move(building, dir, StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
