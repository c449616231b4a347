package org.foldbatch.util;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Scratch files of the processes sharing one data directory. Each process works in its own subdirectory named after
 * it ({@code <host>_<pid>_<start-millis>}, as {@link ProcessOwner#currentToken()}), so what a killed process left
 * behind can be told from what a running one is using: a later process removes the directories of processes of its
 * host that no longer run, and never touches another host's or a live one's.
 */
public final class ScratchSpace {

    private static final Pattern OWNED = Pattern.compile("(.+)_(\\d+)_(\\d+)");

    private ScratchSpace() {
    }

    /** This process's directory under {@code root}, created. */
    public static Path ofThisProcess(Path root) {
        Path mine = root.resolve(ProcessOwner.currentToken().replace(' ', '_'));
        try {
            Files.createDirectories(mine);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the scratch directory " + mine + ": " + e.getMessage(), e);
        }
        return mine;
    }

    /** Removes the directories under {@code root} of this host's processes that no longer run; returns how many. */
    public static int removeDead(Path root) {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        int removed = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path entry : entries) {
                Matcher m = OWNED.matcher(entry.getFileName().toString());
                if (Files.isDirectory(entry) && m.matches()
                        && !ProcessOwner.tokenMayRun(m.group(1) + " " + m.group(2) + " " + m.group(3))) {
                    deleteTree(entry);
                    removed++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the scratch directory " + root + ": " + e.getMessage(), e);
        }
        return removed;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
