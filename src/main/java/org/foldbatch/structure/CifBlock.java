package org.foldbatch.structure;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One mmCIF data block: its name (the text after {@code data_}) and its categories. */
public record CifBlock(String name, List<CifCategory> categories) {

    public CifBlock {
        categories = List.copyOf(categories);
        var seen = new java.util.HashSet<String>();
        for (var category : categories) {
            if (!seen.add(category.name())) {
                throw new IllegalArgumentException("Duplicate category " + category.name() + " in block " + name);
            }
        }
    }

    public Optional<CifCategory> category(String name) {
        return categories.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The single value of {@code _category.key} in its first row, if present. */
    public Optional<String> firstValue(String category, String key) {
        return category(category).filter(c -> c.rowCount() > 0).flatMap(c -> c.column(key)).map(v -> v.get(0));
    }

    public CifBlock with(CifCategory category) {
        var out = new ArrayList<CifCategory>();
        for (var c : categories) {
            if (!c.name().equals(category.name())) {
                out.add(c);
            }
        }
        out.add(category);
        return new CifBlock(name, out);
    }
}
