package org.foldbatch.msa;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * FASTA/A3M reading and writing with AlphaFold 3's rules: lines are split on {@code \n} and stripped of ASCII
 * whitespace, a {@code >} line starts a record whose description is the rest of the stripped line, other non-empty
 * lines are appended to the current sequence, and lines before the first header are ignored.
 */
public final class A3m {

    private A3m() {
    }

    public static List<FastaRecord> parse(CharSequence text) {
        List<FastaRecord> records = new ArrayList<>();
        forEach(text, records::add);
        return records;
    }

    /** Streams records to {@code sink} without building the whole list, for large alignments. */
    public static void forEach(CharSequence text, Consumer<FastaRecord> sink) {
        String description = null;
        StringBuilder sequence = new StringBuilder();
        int length = text.length();
        int lineStart = 0;
        while (lineStart <= length) {
            int lineEnd = indexOfNewline(text, lineStart);
            int from = lineStart;
            int to = lineEnd;
            while (from < to && isAsciiWhitespace(text.charAt(from))) {
                from++;
            }
            while (to > from && isAsciiWhitespace(text.charAt(to - 1))) {
                to--;
            }
            if (from < to && text.charAt(from) == '>') {
                if (description != null) {
                    sink.accept(new FastaRecord(description, sequence.toString()));
                    sequence.setLength(0);
                }
                description = text.subSequence(from + 1, to).toString();
            } else if (description != null && from < to) {
                sequence.append(text, from, to);
            }
            lineStart = lineEnd + 1;
        }
        if (description != null) {
            sink.accept(new FastaRecord(description, sequence.toString()));
        }
    }

    /** Writes {@code >description\nsequence} records joined by newlines, optionally with a final newline. */
    public static String format(List<FastaRecord> records, boolean trailingNewline) {
        int size = 0;
        for (FastaRecord record : records) {
            size += record.description().length() + record.sequence().length() + 3;
        }
        StringBuilder out = new StringBuilder(size);
        for (int i = 0; i < records.size(); i++) {
            if (i > 0) {
                out.append('\n');
            }
            out.append('>').append(records.get(i).description()).append('\n').append(records.get(i).sequence());
        }
        if (trailingNewline) {
            out.append('\n');
        }
        return out.toString();
    }

    /** The sequence with insertion (lower-case) letters removed, as AlphaFold 3 compares rows for deduplication. */
    public static String withoutInsertions(String alignedRow) {
        StringBuilder out = null;
        for (int i = 0; i < alignedRow.length(); i++) {
            char c = alignedRow.charAt(i);
            boolean insertion = c >= 'a' && c <= 'z';
            if (insertion && out == null) {
                out = new StringBuilder(alignedRow.length());
                out.append(alignedRow, 0, i);
            } else if (!insertion && out != null) {
                out.append(c);
            }
        }
        return out == null ? alignedRow : out.toString();
    }

    static boolean isAsciiWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }

    private static int indexOfNewline(CharSequence text, int from) {
        int length = text.length();
        for (int i = from; i < length; i++) {
            if (text.charAt(i) == '\n') {
                return i;
            }
        }
        return length;
    }
}
