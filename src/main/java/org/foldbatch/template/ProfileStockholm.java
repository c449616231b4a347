package org.foldbatch.template;

import java.util.ArrayList;
import java.util.List;

/**
 * A3M to Stockholm with a {@code #=GC RF} line, the hmmbuild {@code --hand} input AF3 builds its template profile
 * from. Kept here until msa.Stockholm is merged, which implements the same conversion.
 */
public final class ProfileStockholm {

    record Record(String description, String sequence) {
    }

    private ProfileStockholm() {
    }

    public static String fromA3m(String a3m) {
        var records = parseFasta(a3m);
        if (records.isEmpty()) {
            throw new IllegalArgumentException("A3M has no sequences; the template profile needs at least the query");
        }
        var out = new StringBuilder("# STOCKHOLM 1.0\n\n");
        var names = new ArrayList<String>();
        for (int i = 0; i < records.size(); i++) {
            var description = records.get(i).description().replace('\t', ' ');
            int space = description.indexOf(' ');
            var name = (space < 0 ? description : description.substring(0, space)) + "_" + i;
            var rest = space < 0 ? "" : description.substring(space + 1).strip();
            names.add(name);
            out.append("#=GS ").append(name.strip()).append(" DE ").append(rest.isEmpty() ? "<EMPTY>" : rest)
                    .append('\n');
        }
        out.append('\n');
        var rows = expandInsertions(records.stream().map(Record::sequence).toList());
        int width = names.stream().mapToInt(String::length).max().orElse(0);
        for (int i = 0; i < rows.size(); i++) {
            out.append(pad(names.get(i), width)).append(' ').append(rows.get(i)).append('\n');
        }
        var rf = new StringBuilder();
        for (char c : rows.get(0).toCharArray()) {
            rf.append(c == '-' ? '.' : 'x');
        }
        out.append(pad("#=GC RF", width)).append(' ').append(rf).append('\n');
        out.append("//");
        return out.toString();
    }

    /** Lower-case insertion columns become upper-case columns of their own, with '-' in every other row. */
    static List<String> expandInsertions(List<String> sequences) {
        int n = sequences.size();
        int[] cursor = new int[n];
        var out = new ArrayList<StringBuilder>();
        for (int i = 0; i < n; i++) {
            out.add(new StringBuilder());
        }
        while (true) {
            boolean anyLeft = false;
            boolean anyInsertion = false;
            for (int i = 0; i < n; i++) {
                var s = sequences.get(i);
                if (cursor[i] < s.length()) {
                    anyLeft = true;
                    if (Character.isLowerCase(s.charAt(cursor[i]))) {
                        anyInsertion = true;
                    }
                }
            }
            if (!anyLeft) {
                break;
            }
            for (int i = 0; i < n; i++) {
                var s = sequences.get(i);
                boolean has = cursor[i] < s.length();
                if (anyInsertion) {
                    if (has && Character.isLowerCase(s.charAt(cursor[i]))) {
                        out.get(i).append(Character.toUpperCase(s.charAt(cursor[i]++)));
                    } else {
                        out.get(i).append('-');
                    }
                } else {
                    if (!has) {
                        throw new IllegalArgumentException("A3M row " + (i + 1) + " is shorter than the query once"
                                + " insertions (lower-case letters) are removed");
                    }
                    out.get(i).append(s.charAt(cursor[i]++));
                }
            }
        }
        return out.stream().map(StringBuilder::toString).toList();
    }

    static List<Record> parseFasta(String text) {
        var out = new ArrayList<Record>();
        String description = null;
        var sequence = new StringBuilder();
        for (var raw : text.split("\n")) {
            var line = raw.strip();
            if (line.startsWith(">")) {
                if (description != null) {
                    out.add(new Record(description, sequence.toString()));
                }
                description = line.substring(1).strip();
                sequence.setLength(0);
            } else if (description != null && !line.isEmpty()) {
                sequence.append(line);
            }
        }
        if (description != null) {
            out.add(new Record(description, sequence.toString()));
        }
        return out;
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
