package org.foldbatch.model;

import java.util.List;

/**
 * AlphaFold 3's size-dependent chunking rule, e.g. {@code ((2048, None), (None, 1024))}: the first entry whose upper
 * bound is null or at least the token count gives the chunk size; a null size means "do not chunk".
 */
public record ShardSpec(List<Entry> entries) {
    /** One rule: up to {@code upperBound} tokens (null: any), use chunks of {@code size} rows (null: none). */
    public record Entry(Integer upperBound, Integer size) {
    }

    public static final ShardSpec NONE = new ShardSpec(List.of(new Entry(null, null)));

    public ShardSpec {
        entries = List.copyOf(entries);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("shard spec needs at least one entry");
        }
    }

    public static ShardSpec of(Integer upper1, Integer size1, Integer upper2, Integer size2) {
        return new ShardSpec(List.of(new Entry(upper1, size1), new Entry(upper2, size2)));
    }

    /**
     * A spec in AlphaFold 3's notation, e.g. {@code ((2048, None), (3072, 1024), (None, 512))}: pairs of (upper bound
     * on tokens, rows per shard), {@code None} for "any" or "unsharded".
     *
     * @param what the setting's name, for the message
     */
    public static ShardSpec parse(String text, String what) {
        String s = text == null ? "" : text.replaceAll("\\s+", "");
        if (!s.matches("\\(\\((\\d+|None),(\\d+|None)\\)(,\\((\\d+|None),(\\d+|None)\\))*,?\\)")) {
            throw new IllegalArgumentException(what + ": '" + text + "' is not a shard spec in AlphaFold 3's notation,"
                    + " e.g. ((2048, None), (None, 1024))");
        }
        List<Entry> entries = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\((\\d+|None),(\\d+|None)\\)")
                .matcher(s.substring(1, s.length() - 1));
        while (m.find()) {
            Integer bound = m.group(1).equals("None") ? null : Integer.valueOf(m.group(1));
            Integer size = m.group(2).equals("None") ? null : Integer.valueOf(m.group(2));
            if (size != null && size < 1) {
                throw new IllegalArgumentException(what + ": '" + text + "' has a shard of " + size + " rows");
            }
            entries.add(new Entry(bound, size));
        }
        return new ShardSpec(entries);
    }

    /** AlphaFold 3's notation of this spec, as {@link #parse} reads it. */
    public String notation() {
        return "(" + String.join(", ", entries.stream().map(e -> "(" + (e.upperBound() == null ? "None"
                : e.upperBound()) + ", " + (e.size() == null ? "None" : e.size()) + ")").toList()) + ")";
    }

    /** Chunk size for {@code numTokens} rows, or null for no chunking. */
    public Integer sizeFor(int numTokens) {
        Integer size = entries.get(0).size();
        for (Entry e : entries) {
            size = e.size();
            if (e.upperBound() == null || numTokens <= e.upperBound()) {
                break;
            }
        }
        return size;
    }
}
