package org.foldbatch.structure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes a {@link CifBlock} the way AlphaFold 3's CIF writer does, so output files diff cleanly against AF3's:
 * {@code _entry} first, {@code _atom_site} last, other categories sorted by name; keys sorted within a category
 * ({@code _atom_site} in the PDB column order); single-row categories as padded key-value pairs; loop values
 * left-aligned in columns one wider than the widest value; {@code #} after every category.
 */
public final class MmcifWriter {

    private static final List<String> ATOM_SITE_ORDER = List.of("group_PDB", "id", "type_symbol", "label_atom_id",
            "label_alt_id", "label_comp_id", "label_asym_id", "label_entity_id", "label_seq_id", "pdbx_PDB_ins_code",
            "Cartn_x", "Cartn_y", "Cartn_z", "occupancy", "B_iso_or_equiv", "pdbx_formal_charge", "auth_seq_id",
            "auth_comp_id", "auth_asym_id", "auth_atom_id", "pdbx_PDB_model_num");

    private MmcifWriter() {
    }

    public static String write(CifBlock block) {
        return write(block, List.of());
    }

    /** Writes the block after the given comment lines (each written as {@code # line}). */
    public static String write(CifBlock block, List<String> headerComments) {
        if (block.name().isEmpty() || block.name().chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("CIF data block name must be non-empty without whitespace, got '"
                    + block.name() + "'");
        }
        var out = new StringBuilder(64 * 1024);
        for (var comment : headerComments) {
            out.append(comment.isEmpty() ? "#" : "# " + comment).append('\n');
        }
        out.append("data_").append(block.name()).append("\n#\n");
        var categories = new ArrayList<>(block.categories());
        categories.sort(Comparator.comparingInt((CifCategory c) -> rank(c.name())).thenComparing(CifCategory::name));
        for (var category : categories) {
            if (category.columns().isEmpty()) {
                continue;
            }
            writeCategory(out, category);
            out.append("#\n");
        }
        return out.toString();
    }

    private static int rank(String category) {
        return switch (category) {
            case "_entry" -> 0;
            case "_atom_site" -> 2;
            default -> 1;
        };
    }

    private static void writeCategory(StringBuilder out, CifCategory category) {
        var keys = new ArrayList<>(category.columns().keySet());
        if (category.name().equals("_atom_site")) {
            keys.sort(Comparator.comparingInt((String k) -> atomSiteRank(k)).thenComparing(k -> k));
        } else {
            keys.sort(Comparator.naturalOrder());
        }
        int rows = category.rowCount();
        if (rows == 1 && !category.name().equals("_atom_site")) {
            int width = keys.stream().mapToInt(k -> category.name().length() + 1 + k.length()).max().orElse(0) + 1;
            for (var key : keys) {
                var fullKey = category.name() + "." + key;
                out.append(fullKey).append(" ".repeat(width - fullKey.length()));
                var value = category.columns().get(key).get(0);
                if (CifTokens.needsMultiLine(value)) {
                    out.append("\n;").append(value).append("\n;\n");
                } else {
                    var quote = CifTokens.quoteFor(value);
                    out.append(quote).append(value).append(quote).append('\n');
                }
            }
            return;
        }
        out.append("loop_\n");
        int[] widths = new int[keys.size()];
        for (int c = 0; c < keys.size(); c++) {
            var key = keys.get(c);
            out.append(category.name()).append('.').append(key).append('\n');
            for (var value : category.columns().get(key)) {
                if (!CifTokens.needsMultiLine(value)) {
                    widths[c] = Math.max(widths[c], value.length() + 2 * CifTokens.quoteFor(value).length());
                }
            }
        }
        List<List<String>> columns = keys.stream().map(k -> category.columns().get(k)).toList();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns.size(); c++) {
                var value = columns.get(c).get(r);
                if (CifTokens.needsMultiLine(value)) {
                    if (c == 0) {
                        out.append(';').append(value).append("\n;\n");
                    } else if (c == columns.size() - 1) {
                        out.append("\n;").append(value).append("\n;");
                    } else {
                        out.append("\n;").append(value).append("\n;\n");
                    }
                } else {
                    var quote = CifTokens.quoteFor(value);
                    int start = out.length();
                    out.append(quote).append(value).append(quote);
                    out.append(" ".repeat(widths[c] + 1 - (out.length() - start)));
                }
            }
            out.append('\n');
        }
    }

    private static int atomSiteRank(String key) {
        int i = ATOM_SITE_ORDER.indexOf(key);
        return i < 0 ? ATOM_SITE_ORDER.size() : i;
    }
}
