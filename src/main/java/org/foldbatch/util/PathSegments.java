package org.foldbatch.util;

import java.nio.file.Path;

/**
 * Folder and file names derived from input text (job names, campaign names). AlphaFold 3's {@code sanitised_name}
 * keeps '.', so a name of dots survives it and {@code <out>/..} would leave the output directory; such names and
 * names too long for a file system are refused here, and every derived path is checked to stay inside its parent.
 */
public final class PathSegments {

    /**
     * Longest name kept: file names are limited to 255 bytes and the longest AlphaFold 3 file name adds 52 characters
     * to the name ({@code _seed-4294967295_sample-99_summary_confidences.json}).
     */
    public static final int MAX_LENGTH = 200;

    private PathSegments() {
    }

    /** Why {@code segment} cannot name a folder or file inside a directory; null when it can. */
    public static String problem(String segment) {
        if (segment.isEmpty()) {
            return "it is empty";
        }
        if (segment.chars().allMatch(c -> c == '.')) {
            return "'" + segment + "' is made of dots only, which names no folder of its own";
        }
        if (segment.indexOf('/') >= 0 || segment.indexOf('\\') >= 0 || segment.indexOf('\0') >= 0) {
            return "it contains a path separator";
        }
        if (segment.length() > MAX_LENGTH) {
            return "it is " + segment.length() + " characters long, more than the " + MAX_LENGTH
                    + " a file name can carry with AlphaFold 3's suffixes";
        }
        return null;
    }

    /** {@code dir/segment}, refused (IllegalArgumentException naming the problem) unless it stays inside {@code dir}. */
    public static Path inside(Path dir, String segment) {
        String problem = problem(segment);
        Path base = dir.toAbsolutePath().normalize();
        Path resolved = base.resolve(segment).normalize();
        if (problem == null && (!resolved.startsWith(base) || resolved.equals(base))) {
            problem = "it leads outside " + dir;
        }
        if (problem != null) {
            throw new IllegalArgumentException("name " + abbreviate(segment) + " cannot be used under " + dir + ": "
                    + problem);
        }
        return dir.resolve(segment);
    }

    /** The text for a message: long names are cut so the message stays one readable line. */
    public static String abbreviate(String text) {
        return text.length() <= 60 ? "'" + text + "'" : "'" + text.substring(0, 40) + "...' (" + text.length()
                + " characters)";
    }
}
