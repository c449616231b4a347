package org.foldbatch.msa;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** Stockholm and A3M conversions with AlphaFold 3's exact rules (fact sheet 2.5). */
public final class Stockholm {

    private Stockholm() {
    }

    /**
     * Converts a Stockholm alignment to A3M. Rows are kept in file order up to {@code maxSequences} (0 or less: no
     * limit). With {@code removeFirstRowGaps}, columns where the first row has {@code -} are dropped when the row also
     * has {@code -} and lower-cased otherwise; every {@code .} is removed. Each record is written as
     * {@code >name description} (the space stays when the description is empty), sequence on one line or wrapped at
     * {@code lineWidth}, and the text ends with a newline. No rows gives "".
     */
    public static String toA3m(String stockholm, int maxSequences, boolean removeFirstRowGaps, Integer lineWidth) {
        return convert(sink -> forEachLine(stockholm, sink), maxSequences, removeFirstRowGaps, lineWidth).a3m();
    }

    /** As {@link #toA3m(String, int, boolean, Integer)}, reading the file twice instead of holding it in memory. */
    public static String toA3m(Path stockholm, int maxSequences, boolean removeFirstRowGaps, Integer lineWidth) {
        return convert(stockholm, maxSequences, removeFirstRowGaps, lineWidth).a3m();
    }

    /** The A3M text and the number of distinct rows in the Stockholm file, including rows beyond the limit. */
    record Conversion(String a3m, int totalRows) {
    }

    static Conversion convert(Path stockholm, int maxSequences, boolean removeFirstRowGaps, Integer lineWidth) {
        return convert(sink -> forEachLine(stockholm, sink), maxSequences, removeFirstRowGaps, lineWidth);
    }

    /**
     * Converts A3M to Stockholm for hmmbuild: names are the first description token plus {@code _<index>}, each with
     * a {@code #=GS name DE rest} line ({@code <EMPTY>} when there is no rest), insertion columns are expanded with
     * {@code -} in the rows without an insertion, and a {@code #=GC RF} line marks the query's non-gap columns. The
     * text ends with {@code //} and no newline.
     */
    public static String fromA3m(String a3m) {
        List<FastaRecord> records = A3m.parse(a3m);
        if (records.isEmpty()) {
            throw new IllegalArgumentException("Cannot convert an A3M without sequences to Stockholm");
        }
        List<String> names = new ArrayList<>(records.size());
        StringBuilder out = new StringBuilder();
        out.append("# STOCKHOLM 1.0\n\n");
        for (int i = 0; i < records.size(); i++) {
            String description = records.get(i).description().replace('\t', ' ');
            int space = description.indexOf(' ');
            String name = (space < 0 ? description : description.substring(0, space)) + "_" + i;
            String rest = space < 0 ? "" : description.substring(space + 1).strip();
            names.add(name);
            out.append("#=GS ").append(name.strip()).append(" DE ").append(rest.isEmpty() ? "<EMPTY>" : rest)
                    .append('\n');
        }
        out.append('\n');
        List<String> rows = expandInsertions(records);
        int width = 0;
        for (String name : names) {
            width = Math.max(width, name.length());
        }
        for (int i = 0; i < rows.size(); i++) {
            appendPadded(out, names.get(i), width).append(' ').append(rows.get(i)).append('\n');
        }
        appendPadded(out, "#=GC RF", width).append(' ');
        String query = rows.get(0);
        for (int i = 0; i < query.length(); i++) {
            out.append(query.charAt(i) == '-' ? '.' : 'x');
        }
        out.append("\n//");
        return out.toString();
    }

    private static StringBuilder appendPadded(StringBuilder out, String text, int width) {
        out.append(text);
        for (int i = text.length(); i < width; i++) {
            out.append(' ');
        }
        return out;
    }

    /** Turns each insertion (lower-case) column into an upper-case column, padding the other rows with gaps. */
    private static List<String> expandInsertions(List<FastaRecord> records) {
        int n = records.size();
        String[] in = new String[n];
        int[] pos = new int[n];
        StringBuilder[] out = new StringBuilder[n];
        int longest = 0;
        for (int i = 0; i < n; i++) {
            in[i] = records.get(i).sequence();
            longest = Math.max(longest, in[i].length());
        }
        for (int i = 0; i < n; i++) {
            out[i] = new StringBuilder(longest);
        }
        while (true) {
            boolean anyLeft = false;
            boolean insertion = false;
            for (int i = 0; i < n; i++) {
                if (pos[i] < in[i].length()) {
                    anyLeft = true;
                    if (isLower(in[i].charAt(pos[i]))) {
                        insertion = true;
                        break;
                    }
                }
            }
            if (!anyLeft) {
                break;
            }
            for (int i = 0; i < n; i++) {
                boolean hasColumn = pos[i] < in[i].length();
                if (insertion) {
                    if (hasColumn && isLower(in[i].charAt(pos[i]))) {
                        out[i].append(Character.toUpperCase(in[i].charAt(pos[i]++)));
                    } else {
                        out[i].append('-');
                    }
                } else if (hasColumn) {
                    out[i].append(in[i].charAt(pos[i]++));
                } else {
                    throw new IllegalArgumentException("A3M rows have inconsistent lengths; row " + i
                            + " has no columns left but not all rows are exhausted");
                }
            }
        }
        List<String> rows = new ArrayList<>(n);
        for (StringBuilder row : out) {
            rows.add(row.toString());
        }
        return rows;
    }

    private static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    /** A source that can replay its lines; the consumer returns false to stop early. */
    private interface LineSource {
        void forEachLine(Predicate<String> consumer);
    }

    private static Conversion convert(LineSource source, int maxSequences, boolean removeFirstRowGaps,
            Integer lineWidth) {
        if (lineWidth != null && lineWidth <= 0) {
            throw new IllegalArgumentException("lineWidth must be > 0 or null, got " + lineWidth);
        }
        Map<String, Row> rows = new LinkedHashMap<>();
        Set<String> skippedNames = new HashSet<>();
        boolean[] reachedMax = {false};
        Row[] query = {null};
        source.forEachLine(raw -> {
            reachedMax[0] = maxSequences > 0 && rows.size() >= maxSequences;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("//")) {
                return true;
            }
            int split = firstWhitespace(line);
            if (split < 0) {
                return true;
            }
            String name = line.substring(0, split);
            String chunk = line.substring(skipWhitespace(line, split));
            Row row = rows.get(name);
            if (row == null) {
                if (reachedMax[0]) {
                    skippedNames.add(name);
                    return true;
                }
                row = new Row(name, query[0] == null);
                rows.put(name, row);
                if (query[0] == null) {
                    query[0] = row;
                }
            }
            row.add(chunk, query[0], removeFirstRowGaps);
            return true;
        });
        if (rows.isEmpty()) {
            return new Conversion("", 0);
        }
        Map<String, String> descriptions = new LinkedHashMap<>();
        source.forEachLine(raw -> {
            String line = raw.strip();
            if (!line.startsWith("#=GS")) {
                return true;
            }
            String[] columns = line.split("\\s+", 4);
            if (columns.length < 3 || !columns[2].equals("DE")) {
                return true;
            }
            String name = columns[1];
            if (reachedMax[0] && !rows.containsKey(name)) {
                return true;
            }
            descriptions.put(name, columns.length == 4 ? columns[3] : "");
            return descriptions.size() != rows.size();
        });
        if (descriptions.size() > rows.size()) {
            throw new IllegalArgumentException("Found more descriptions than sequences in the Stockholm alignment.");
        }
        Row first = query[0];
        StringBuilder out = new StringBuilder();
        for (Row row : rows.values()) {
            row.finish(first, removeFirstRowGaps);
            out.append('>').append(row.name).append(' ').append(descriptions.getOrDefault(row.name, "")).append('\n');
            String sequence = row.converted;
            if (lineWidth == null) {
                out.append(sequence).append('\n');
            } else {
                for (int i = 0; i < sequence.length(); i += lineWidth) {
                    out.append(sequence, i, Math.min(sequence.length(), i + lineWidth)).append('\n');
                }
            }
            row.converted = null;
        }
        return new Conversion(out.toString(), rows.size() + skippedNames.size());
    }

    /**
     * One alignment row, converted chunk by chunk against the first row so that only the (much shorter) A3M form is
     * held in memory. A chunk that arrives before the first row's matching columns is buffered raw until the end.
     */
    private static final class Row {
        final String name;
        final boolean isQuery;
        final StringBuilder raw = new StringBuilder();
        final StringBuilder a3m = new StringBuilder();
        int rawLength;
        int convertedUpTo;
        String converted;

        Row(String name, boolean isQuery) {
            this.name = name;
            this.isQuery = isQuery;
        }

        void add(String chunk, Row query, boolean removeFirstRowGaps) {
            if (isQuery) {
                raw.append(chunk);
                rawLength += chunk.length();
                return;
            }
            rawLength += chunk.length();
            if (raw.length() == 0 && (!removeFirstRowGaps || query.raw.length() >= rawLength)) {
                convert(chunk, convertedUpTo, query.raw, removeFirstRowGaps);
                convertedUpTo = rawLength;
            } else {
                raw.append(chunk);
            }
        }

        void finish(Row query, boolean removeFirstRowGaps) {
            if (removeFirstRowGaps && rawLength != query.rawLength) {
                throw new IllegalArgumentException("The sequence (" + rawLength + ") and the query sequence ("
                        + query.rawLength + ") don't have the same length.");
            }
            if (isQuery) {
                convert(raw, 0, raw, removeFirstRowGaps);
            } else if (raw.length() > 0) {
                convert(raw, convertedUpTo, query.raw, removeFirstRowGaps);
            }
            if (!isQuery) {
                raw.setLength(0);
                raw.trimToSize();
            }
            converted = a3m.toString();
            a3m.setLength(0);
            a3m.trimToSize();
        }

        private void convert(CharSequence chunk, int offset, CharSequence queryRaw, boolean removeFirstRowGaps) {
            for (int i = 0; i < chunk.length(); i++) {
                char c = chunk.charAt(i);
                if (c == '.') {
                    continue;
                }
                if (removeFirstRowGaps && queryRaw.charAt(offset + i) == '-') {
                    if (c != '-') {
                        a3m.append(Character.toLowerCase(c));
                    }
                } else {
                    a3m.append(c);
                }
            }
        }
    }

    private static int firstWhitespace(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (Character.isWhitespace(line.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static int skipWhitespace(String line, int from) {
        int i = from;
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        return i;
    }

    private static void forEachLine(String text, Predicate<String> consumer) {
        int length = text.length();
        int start = 0;
        while (start < length) {
            int end = start;
            while (end < length && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            if (!consumer.test(text.substring(start, end))) {
                return;
            }
            if (end < length && text.charAt(end) == '\r' && end + 1 < length && text.charAt(end + 1) == '\n') {
                end++;
            }
            start = end + 1;
        }
    }

    private static void forEachLine(Path file, Predicate<String> consumer) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!consumer.test(line)) {
                    return;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read Stockholm file " + file + ": " + e.getMessage(), e);
        }
    }
}
