package org.foldbatch.msa;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import org.foldbatch.util.Hashing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the database files searches read to a fast file system (e.g. {@code /dev/shm}) once, and lets searches read
 * the copies. Each source file gets an entry directory holding the copy, a manifest (source size, modification time,
 * edge fingerprint and the SHA-256 of the bytes) and a lock file searches hold shared while they read.
 *
 * <p>A copy is reused while the source's size, modification time and edge bytes are unchanged, the copy has the
 * manifest's size and (checked once per process) its SHA-256; otherwise it is copied again. Copies go to a temporary
 * name, are checksummed against the source bytes read, and renamed into place atomically. All decisions and copies
 * happen under an exclusive lock on {@code .stage.lock} (a real file lock, so stagers in other processes on the host
 * wait), and the staged bytes stay at most {@code maxBytes}: the least recently used entries that no process is
 * reading are evicted; a file that still does not fit is read from its source.
 */
public final class DatabaseStager {

    private static final Logger log = LoggerFactory.getLogger(DatabaseStager.class);
    private static final String MANIFEST = "manifest.properties";
    private static final String IN_USE = "in-use.lock";
    private static final String LAST_USED = "last-used";
    /** File locks belong to the JVM, so threads of one process take turns on a lock of their own first. */
    private static final Map<Path, ReentrantLock> PROCESS_LOCKS = new ConcurrentHashMap<>();
    private static final Map<Path, Reader> READERS = new ConcurrentHashMap<>();
    /** Copies whose checksum this process verified, with the size and mtime it had then. */
    private static final Set<String> VERIFIED = ConcurrentHashMap.newKeySet();

    private final Path dir;
    private final long maxBytes;

    /** What one {@link #stage} did for a file: reused a valid copy, copied it, or left it at the source. */
    public enum Outcome {
        REUSED, COPIED, SOURCE
    }

    /** A staged database: its files where searches should read them, held against eviction until closed. */
    public final class Lease implements AutoCloseable {
        private final DatabaseSpec spec;
        private final List<Outcome> outcomes;
        private final List<Path> held;
        private boolean closed;

        private Lease(DatabaseSpec spec, List<Outcome> outcomes, List<Path> held) {
            this.spec = spec;
            this.outcomes = List.copyOf(outcomes);
            this.held = held;
        }

        public DatabaseSpec spec() {
            return spec;
        }

        /** Per file of the database, in order. */
        public List<Outcome> outcomes() {
            return outcomes;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                held.forEach(DatabaseStager::stopReading);
            }
        }
    }

    public DatabaseStager(Path dir, long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("stage size limit must be > 0 bytes, got " + maxBytes);
        }
        this.dir = dir.toAbsolutePath().normalize();
        this.maxBytes = maxBytes;
    }

    public Path dir() {
        return dir;
    }

    /** {@code tool} reading each request's database from its staged copy. */
    public <T> Function<SearchRequest, T> reading(Function<SearchRequest, T> tool) {
        return request -> {
            try (Lease lease = stage(request.database())) {
                return tool.apply(withDatabase(request, lease.spec()));
            }
        };
    }

    /** Stages every file of {@code database}; close the lease when the search is done. */
    public Lease stage(DatabaseSpec database) {
        database.requireFiles();
        List<Path> files = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>();
        List<Path> held = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            withStageLock(() -> {
                for (Path source : database.files()) {
                    Path entry = entryDir(source);
                    Outcome outcome = stageFile(source, entry);
                    outcomes.add(outcome);
                    if (outcome == Outcome.SOURCE) {
                        files.add(source);
                    } else {
                        startReading(entry);
                        held.add(entry);
                        Files.setLastModifiedTime(entry.resolve(LAST_USED), FileTime.from(Instant.now()));
                        files.add(entry.resolve(source.getFileName()));
                    }
                }
                return null;
            });
        } catch (IOException e) {
            held.forEach(DatabaseStager::stopReading);
            throw new UncheckedIOException("Staging " + database.name() + " (" + database.spec() + ") in " + dir
                    + ": " + e.getMessage(), e);
        }
        return new Lease(new DatabaseSpec(database.name(), database.spec(), files, database.sharded(),
                database.zValue()), outcomes, held);
    }

    /** Bytes of the copies now staged. */
    public long stagedBytes() throws IOException {
        long total = 0;
        for (Path entry : entries()) {
            total += copyBytes(entry);
        }
        return total;
    }

    private Outcome stageFile(Path source, Path entry) throws IOException {
        Path copy = entry.resolve(source.getFileName());
        Properties wanted = describe(source);
        Properties have = readManifest(entry);
        if (have != null && sameSource(have, wanted) && Files.isRegularFile(copy)
                && Files.size(copy) == Long.parseLong(have.getProperty("size")) && verified(copy, have)) {
            return Outcome.REUSED;
        }
        long size = Files.size(source);
        if (size > maxBytes || !makeRoom(size, entry)) {
            log.warn("Database file {} ({} bytes) does not fit the stage limit of {} bytes in {}; reading it from"
                    + " the source", source, size, maxBytes, dir);
            return Outcome.SOURCE;
        }
        Files.createDirectories(entry);
        Files.deleteIfExists(entry.resolve(MANIFEST)); // a copy interrupted from here on is never taken as valid
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(entry, ".copy-*")) {
            for (Path file : stale) { // left by a stager killed mid-copy; nobody else copies while we hold the lock
                Files.deleteIfExists(file);
            }
        }
        Path temp = entry.resolve(".copy-" + ProcessHandle.current().pid() + "-" + Thread.currentThread().getId());
        String sha256;
        try {
            sha256 = copyHashing(source, temp);
            String copied = sha256(temp);
            if (!copied.equals(sha256)) {
                throw new IOException("copy of " + source + " has SHA-256 " + copied + ", the source read " + sha256);
            }
            move(temp, copy); // over any old copy in one step: a search that opens it reads one whole version
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            log.warn("Cannot stage {} in {} ({}); reading it from the source", source, dir, e.getMessage());
            return Outcome.SOURCE;
        }
        wanted.setProperty("sha256", sha256);
        writeManifest(entry, wanted);
        Path lastUsed = entry.resolve(LAST_USED);
        if (!Files.exists(lastUsed)) {
            Files.createFile(lastUsed);
        }
        VERIFIED.add(verifiedKey(copy));
        log.info("Staged {} ({} bytes) as {}", source, size, copy);
        return Outcome.COPIED;
    }

    /** Evicts least recently used entries nobody reads until {@code size} more bytes fit; false if they cannot. */
    private boolean makeRoom(long size, Path keep) throws IOException {
        List<Path> entries = new ArrayList<>(entries());
        entries.remove(keep);
        long used = 0;
        for (Path entry : entries) {
            used += copyBytes(entry);
        }
        entries.sort(Comparator.comparing(DatabaseStager::lastUsed));
        for (Path entry : entries) {
            if (used + size <= maxBytes) {
                break;
            }
            long bytes = copyBytes(entry);
            if (evict(entry)) {
                used -= bytes;
            }
        }
        return used + size <= maxBytes;
    }

    /** Deletes an entry unless a search in this or another process is reading it. */
    private boolean evict(Path entry) throws IOException {
        if (READERS.containsKey(entry)) {
            return false;
        }
        Path lockFile = entry.resolve(IN_USE);
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            if (lock == null) {
                return false;
            }
            deleteEntry(entry);
        }
        log.info("Evicted staged database copy {} (least recently used)", entry);
        return true;
    }

    private void deleteEntry(Path entry) throws IOException {
        Files.deleteIfExists(entry.resolve(MANIFEST)); // first: a half-deleted entry is never taken as valid
        try (DirectoryStream<Path> files = Files.newDirectoryStream(entry)) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        }
        Files.deleteIfExists(entry);
    }

    private interface Locked<T> {
        T run() throws IOException;
    }

    private <T> T withStageLock(Locked<T> body) throws IOException {
        ReentrantLock inProcess = PROCESS_LOCKS.computeIfAbsent(dir, d -> new ReentrantLock());
        inProcess.lock();
        try (FileChannel channel = FileChannel.open(dir.resolve(".stage.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
            return body.run();
        } finally {
            inProcess.unlock();
        }
    }

    /** A shared lock on the entry's lock file, one per process however many searches read it. */
    private static final class Reader {
        final FileChannel channel;
        final FileLock lock;
        int count;

        Reader(Path entry) throws IOException {
            channel = FileChannel.open(entry.resolve(IN_USE), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.READ);
            lock = channel.lock(0, Long.MAX_VALUE, true);
        }
    }

    private static void startReading(Path entry) throws IOException {
        try {
            READERS.compute(entry, (e, reader) -> {
                try {
                    Reader r = reader != null ? reader : new Reader(e);
                    r.count++;
                    return r;
                } catch (IOException io) {
                    throw new UncheckedIOException(io);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void stopReading(Path entry) {
        READERS.computeIfPresent(entry, (e, reader) -> {
            if (--reader.count > 0) {
                return reader;
            }
            try {
                reader.lock.release();
                reader.channel.close();
            } catch (IOException ignored) {
                // Closing the channel releases the lock in any case.
            }
            return null;
        });
    }

    private List<Path> entries() throws IOException {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir, Files::isDirectory)) {
            children.forEach(entries::add);
        }
        return entries;
    }

    private static long copyBytes(Path entry) throws IOException {
        long total = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(entry)) {
            for (Path file : files) {
                if (Files.isRegularFile(file)) {
                    total += Files.size(file);
                }
            }
        }
        return total;
    }

    private static FileTime lastUsed(Path entry) {
        try {
            return Files.getLastModifiedTime(entry.resolve(LAST_USED));
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private Path entryDir(Path source) {
        String absolute = source.toAbsolutePath().normalize().toString();
        return dir.resolve(Hashing.sha256(absolute).substring(0, 16) + "-" + source.getFileName());
    }

    /** Size, modification time and edge fingerprint of the source (not its full checksum: that reads it all). */
    private static Properties describe(Path source) throws IOException {
        Properties p = new Properties();
        p.setProperty("source", source.toAbsolutePath().normalize().toString());
        p.setProperty("size", Long.toString(Files.size(source)));
        p.setProperty("mtime", Long.toString(Files.getLastModifiedTime(source).toMillis()));
        p.setProperty("edges", DatabaseSpec.of("staged", source).fingerprint());
        return p;
    }

    private static boolean sameSource(Properties have, Properties wanted) {
        for (String key : List.of("source", "size", "mtime", "edges")) {
            if (!wanted.getProperty(key).equals(have.getProperty(key))) {
                return false;
            }
        }
        return have.getProperty("sha256") != null;
    }

    private static boolean verified(Path copy, Properties manifest) throws IOException {
        String key = verifiedKey(copy);
        if (VERIFIED.contains(key)) {
            return true;
        }
        if (!sha256(copy).equals(manifest.getProperty("sha256"))) {
            log.warn("Staged copy {} does not match its checksum; copying it again", copy);
            return false;
        }
        VERIFIED.add(key);
        return true;
    }

    private static String verifiedKey(Path copy) throws IOException {
        return copy + "|" + Files.size(copy) + "|" + Files.getLastModifiedTime(copy).toMillis();
    }

    private static Properties readManifest(Path entry) throws IOException {
        Path file = entry.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        }
        return p;
    }

    private static void writeManifest(Path entry, Properties manifest) throws IOException {
        Path temp = entry.resolve(".manifest-" + ProcessHandle.current().pid());
        try (OutputStream out = Files.newOutputStream(temp)) {
            manifest.store(out, "foldbatch staged database copy");
        }
        move(temp, entry.resolve(MANIFEST));
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Copies {@code source} to {@code target}, returning the SHA-256 of the bytes read. */
    private static String copyHashing(Path source, Path target) throws IOException {
        MessageDigest digest = Hashing.digest();
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(source); OutputStream out = Files.newOutputStream(target)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        }
        return Hashing.hex(digest);
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest = Hashing.digest();
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        return Hashing.hex(digest);
    }

    private static SearchRequest withDatabase(SearchRequest r, DatabaseSpec database) {
        return new SearchRequest(r.type(), r.sequence(), database, r.tool(), r.eValue(), r.maxSequences(), r.cpus(),
                r.maxParallelShards(), r.toolVersion(), r.databaseFingerprint());
    }
}
