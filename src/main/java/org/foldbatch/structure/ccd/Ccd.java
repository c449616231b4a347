package org.foldbatch.structure.ccd;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import java.util.zip.GZIPInputStream;

/**
 * The wwPDB Chemical Component Dictionary (components.cif layout, optionally gzipped), indexed by block on load and
 * parsed one component at a time on first use. A user CCD (the input's {@code userCCD}) is a layer whose entries
 * override the base ones; it is scoped to the {@code Ccd} it was added to, never shared between jobs.
 */
public final class Ccd {

    private record Block(int start, int end, int line) {
    }

    private final byte[] text;
    private final String source;
    private final Map<String, Block> blocks;
    private final Ccd base;
    private final Map<String, Optional<ChemComp>> parsed = new ConcurrentHashMap<>();

    private Ccd(byte[] text, String source, Ccd base) {
        this.text = text;
        this.source = source;
        this.blocks = index(text);
        this.base = base;
    }

    public static Ccd empty() {
        return new Ccd(new byte[0], "empty CCD", null);
    }

    public static Ccd load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readAllBytes();
            if (bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
                try (InputStream gz = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
                    bytes = gz.readAllBytes();
                }
            }
            return new Ccd(bytes, file.toString(), null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the chemical component dictionary " + file + ": "
                    + e.getMessage(), e);
        }
    }

    public static Ccd fromText(String cif, String source) {
        return new Ccd(cif.getBytes(StandardCharsets.UTF_8), source, null);
    }

    /** This dictionary with {@code userCcd}'s entries on top; {@code null} or blank returns this one. */
    public Ccd withUserCcd(String userCcd, String source) {
        if (userCcd == null || userCcd.isBlank()) {
            return this;
        }
        return new Ccd(userCcd.getBytes(StandardCharsets.UTF_8), source, this);
    }

    public Optional<ChemComp> find(String id) {
        if (blocks.containsKey(id)) {
            return parsed.computeIfAbsent(id, this::parseBlock);
        }
        return base == null ? Optional.empty() : base.find(id);
    }

    public boolean contains(String id) {
        return blocks.containsKey(id) || (base != null && base.contains(id));
    }

    /** Component ids of this dictionary and its base, user entries first. */
    public java.util.Set<String> ids() {
        java.util.Set<String> ids = new java.util.LinkedHashSet<>(new java.util.TreeSet<>(blocks.keySet()));
        if (base != null) {
            ids.addAll(base.ids());
        }
        return ids;
    }

    public int size() {
        return blocks.size() + (base == null ? 0 : base.size());
    }

    private Optional<ChemComp> parseBlock(String id) {
        Block block = blocks.get(id);
        String blockText = new String(text, block.start, block.end - block.start, StandardCharsets.UTF_8);
        Map<String, List<String>> items = CcdBlockParser.parse(blockText, source, block.line);
        return Optional.of(toChemComp(id, items));
    }

    private ChemComp toChemComp(String id, Map<String, List<String>> items) {
        List<String> names = column(items, "_chem_comp_atom.atom_id");
        List<String> elements = column(items, "_chem_comp_atom.type_symbol");
        List<String> charges = column(items, "_chem_comp_atom.charge");
        List<String> leaving = column(items, "_chem_comp_atom.pdbx_leaving_atom_flag");
        List<ChemComp.Atom> atoms = rows(names.size(), i -> new ChemComp.Atom(names.get(i),
                capitalise(at(elements, i)), at(charges, i), "Y".equals(at(leaving, i)),
                coordinates(items, "_chem_comp_atom.pdbx_model_Cartn_%s_ideal", i),
                coordinates(items, "_chem_comp_atom.model_Cartn_%s", i)));
        List<String> from = column(items, "_chem_comp_bond.atom_id_1");
        List<String> to = column(items, "_chem_comp_bond.atom_id_2");
        List<String> orders = column(items, "_chem_comp_bond.value_order");
        List<String> aromatic = column(items, "_chem_comp_bond.pdbx_aromatic_flag");
        List<ChemComp.Bond> bonds = rows(from.size(), i -> new ChemComp.Bond(from.get(i), to.get(i), at(orders, i),
                "Y".equals(at(aromatic, i))));
        String parent = first(items, "_chem_comp.mon_nstd_parent_comp_id");
        return new ChemComp(id, first(items, "_chem_comp.name"), first(items, "_chem_comp.type"),
                parent == null || parent.equals("?") || parent.equals(".") ? null : parent,
                first(items, "_chem_comp.pdbx_modified_date"), atoms, bonds);
    }

    /** One value per row of a loop of {@code count} rows. */
    private static <T> List<T> rows(int count, IntFunction<T> row) {
        List<T> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(row.apply(i));
        }
        return values;
    }

    private static String capitalise(String element) {
        if (element == null || element.isEmpty()) {
            return "";
        }
        return element.substring(0, 1).toUpperCase() + element.substring(1).toLowerCase();
    }

    private static double[] coordinates(Map<String, List<String>> items, String pattern, int i) {
        double[] xyz = new double[3];
        String[] axes = {"x", "y", "z"};
        for (int a = 0; a < 3; a++) {
            String value = at(column(items, pattern.formatted(axes[a])), i);
            if (value == null || value.equals("?") || value.equals(".")) {
                return null;
            }
            xyz[a] = Double.parseDouble(value);
        }
        return xyz;
    }

    private static List<String> column(Map<String, List<String>> items, String tag) {
        return items.getOrDefault(tag, List.of());
    }

    private static String first(Map<String, List<String>> items, String tag) {
        List<String> values = items.get(tag);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String at(List<String> values, int i) {
        return i < values.size() ? values.get(i) : null;
    }

    private static Map<String, Block> index(byte[] text) {
        Map<String, Block> blocks = new HashMap<>();
        String currentId = null;
        int currentStart = 0;
        int currentLine = 1;
        int line = 1;
        for (int p = 0; p < text.length; ) {
            int eol = p;
            while (eol < text.length && text[eol] != '\n') {
                eol++;
            }
            if (eol - p > 5 && text[p] == 'd' && text[p + 1] == 'a' && text[p + 2] == 't' && text[p + 3] == 'a'
                    && text[p + 4] == '_') {
                if (currentId != null) {
                    blocks.put(currentId, new Block(currentStart, p, currentLine));
                }
                currentId = new String(text, p + 5, eol - p - 5, StandardCharsets.UTF_8).strip();
                currentStart = p;
                currentLine = line;
            }
            p = eol + 1;
            line++;
        }
        if (currentId != null) {
            blocks.put(currentId, new Block(currentStart, text.length, currentLine));
        }
        return blocks;
    }
}
