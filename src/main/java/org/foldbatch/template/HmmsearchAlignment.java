package org.foldbatch.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Hits from hmmsearch's {@code -A} Stockholm output, read as AF3 reads them: rows concatenated per name in file
 * order, {@code #=GS name DE} descriptions, '.' removed, case and '-' kept (no query row, so no first-row gap removal).
 */
public final class HmmsearchAlignment {

    /** @param description the A3M header AF3 parses: {@code name + " " + DE text} */
    public record Hit(String name, String description, String aligned) {
    }

    private HmmsearchAlignment() {
    }

    public static List<Hit> parse(String stockholm) {
        var sequences = new LinkedHashMap<String, StringBuilder>();
        var descriptions = new LinkedHashMap<String, String>();
        for (var raw : stockholm.split("\n")) {
            var line = raw.strip();
            if (line.startsWith("#=GS")) {
                var parts = line.split("\\s+", 4);
                if (parts.length >= 3 && parts[2].equals("DE")) {
                    descriptions.put(parts[1], parts.length == 4 ? parts[3] : "");
                }
                continue;
            }
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("//")) {
                continue;
            }
            var parts = line.split("\\s+", 2);
            if (parts.length < 2) {
                throw new IllegalArgumentException("hmmsearch Stockholm row without a sequence: '" + line + "'");
            }
            sequences.computeIfAbsent(parts[0], k -> new StringBuilder()).append(parts[1].strip());
        }
        var hits = new ArrayList<Hit>();
        sequences.forEach((name, aligned) -> hits.add(new Hit(name,
                (name + " " + descriptions.getOrDefault(name, "")).strip(), aligned.toString().replace(".", ""))));
        return hits;
    }
}
