package org.foldbatch.input;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A structural template: an mmCIF with one polymer chain and a map from 0-based query residue index to 0-based template
 * residue index (counting every residue of the template's polymer sequence, resolved or not).
 *
 * <p>As in AlphaFold 3, two templates are equal when their mmCIFs are equal and their maps hold the same pairs,
 * whatever the pair order; the order given is kept for output.
 */
public record Template(String mmcif, List<Integer> queryIndices, List<Integer> templateIndices) {

    public Template {
        Objects.requireNonNull(mmcif, "mmcif");
        if (mmcif.isEmpty()) {
            throw new IllegalArgumentException("The template mmCIF must be a non-empty string.");
        }
        queryIndices = List.copyOf(queryIndices);
        templateIndices = List.copyOf(templateIndices);
        if (queryIndices.size() != templateIndices.size()) {
            throw new IllegalArgumentException("queryIndices and templateIndices must have the same length, got "
                    + queryIndices.size() + " and " + templateIndices.size() + ".");
        }
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < queryIndices.size(); i++) {
            int position = i + 1;
            if (queryIndices.get(i) < 0) {
                throw new IllegalArgumentException(
                        "Query residue index " + queryIndices.get(i) + " at position " + position + " is negative.");
            }
            if (templateIndices.get(i) < 0) {
                throw new IllegalArgumentException("Template residue index " + templateIndices.get(i)
                        + " at position " + position + " is negative.");
            }
            if (!seen.add(queryIndices.get(i))) {
                throw new IllegalArgumentException(
                        "Query residue index " + queryIndices.get(i) + " at position " + position + " is repeated.");
            }
        }
    }

    /**
     * Builds a template from a query-to-template map, keeping the map's iteration order (AlphaFold 3 builds its map
     * with {@code dict(zip(queryIndices, templateIndices))}; use a {@link LinkedHashMap} to match it).
     */
    public static Template of(String mmcif, Map<Integer, Integer> queryToTemplate) {
        return new Template(mmcif, new ArrayList<>(queryToTemplate.keySet()),
                new ArrayList<>(queryToTemplate.values()));
    }

    public Map<Integer, Integer> queryToTemplateMap() {
        Map<Integer, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < queryIndices.size(); i++) {
            map.put(queryIndices.get(i), templateIndices.get(i));
        }
        return map;
    }

    /** The same template with its pairs sorted by query index: the canonical form used for hashing. */
    public Template sorted() {
        Map<Integer, Integer> sorted = new java.util.TreeMap<>(queryToTemplateMap());
        return of(mmcif, sorted);
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Template that)) {
            return false;
        }
        return mmcif.equals(that.mmcif) && new java.util.TreeMap<>(queryToTemplateMap())
                .equals(new java.util.TreeMap<>(that.queryToTemplateMap()));
    }

    @Override
    public int hashCode() {
        return Objects.hash(mmcif, new java.util.TreeMap<>(queryToTemplateMap()));
    }

    @Override
    public String toString() {
        return "Template[mmcif=" + mmcif.length() + " chars, queryToTemplate=" + queryToTemplateMap() + "]";
    }
}
