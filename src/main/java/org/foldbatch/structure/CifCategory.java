package org.foldbatch.structure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One mmCIF category (for example {@code _atom_site}): column names without the category prefix, each with one
 * string per row. Values are kept exactly as CIF tokens ({@code .} and {@code ?} included).
 */
public record CifCategory(String name, Map<String, List<String>> columns) {

    public CifCategory {
        if (!name.startsWith("_") || name.contains(".")) {
            throw new IllegalArgumentException("Category name must look like _name, got '" + name + "'");
        }
        var copy = new LinkedHashMap<String, List<String>>();
        int rows = -1;
        for (var e : columns.entrySet()) {
            if (rows >= 0 && e.getValue().size() != rows) {
                throw new IllegalArgumentException("Column " + name + "." + e.getKey() + " has " + e.getValue().size()
                        + " values, other columns have " + rows);
            }
            rows = e.getValue().size();
            copy.put(e.getKey(), List.copyOf(e.getValue()));
        }
        columns = Collections.unmodifiableMap(copy);
    }

    public int rowCount() {
        return columns.isEmpty() ? 0 : columns.values().iterator().next().size();
    }

    public Optional<List<String>> column(String key) {
        return Optional.ofNullable(columns.get(key));
    }

    /** The value at the row, or {@code ?} when the column is absent. */
    public String value(String key, int row) {
        var column = columns.get(key);
        return column == null ? "?" : column.get(row);
    }

    public CifCategory selectRows(List<Integer> rows) {
        var out = new LinkedHashMap<String, List<String>>();
        columns.forEach((key, values) -> out.put(key, rows.stream().map(values::get).toList()));
        return new CifCategory(name, out);
    }

    /** Builds a category row by row, keeping the order in which columns were first added. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    public static final class Builder {
        private final String name;
        private final LinkedHashMap<String, List<String>> columns = new LinkedHashMap<>();

        private Builder(String name) {
            this.name = name;
        }

        public Builder add(String key, String value) {
            columns.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            return this;
        }

        public Builder column(String key, List<String> values) {
            columns.put(key, new ArrayList<>(values));
            return this;
        }

        public boolean isEmpty() {
            return columns.isEmpty();
        }

        public CifCategory build() {
            return new CifCategory(name, columns);
        }
    }
}
