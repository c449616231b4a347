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
