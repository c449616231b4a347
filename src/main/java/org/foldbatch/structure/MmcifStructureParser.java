package org.foldbatch.structure;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.foldbatch.structure.MmcifStructure.Atom;
import org.foldbatch.structure.MmcifStructure.Chain;
import org.foldbatch.structure.MmcifStructure.Options;
import org.foldbatch.structure.MmcifStructure.Residue;

/**
 * Builds an {@link MmcifStructure} from a parsed CIF block: first model, one alternate location per residue. An
 * instance is one parse's inputs, which every step reads.
 */
record MmcifStructureParser(CifBlock block, Options options, String source) {

    private record AtomRow(int row, String chain, String seqId, String authSeqId, String insCode, String comp,
                           String altId, Atom atom) {
    }

    static MmcifStructure parse(CifBlock block, Options options, String source) {
        return new MmcifStructureParser(block, options, source).parse();
    }

    private MmcifStructure parse() {
        var atomSite = block.category("_atom_site")
                .orElseThrow(() -> new MmcifParseException(source + ": no _atom_site category"));
        var entityType = columnMap("_entity", "id", "type");
        var entityDesc = columnMap("_entity", "id", "pdbx_description");
        var polyType = columnMap("_entity_poly", "entity_id", "type");
        var asymEntity = columnMap("_struct_asym", "id", "entity_id");

        var rowsByChain = new LinkedHashMap<String, List<AtomRow>>();
        var authByChain = new HashMap<String, String>();
        var entityByChain = new HashMap<String, String>();
        String firstModel = null;
        for (int r = 0; r < atomSite.rowCount(); r++) {
            var model = atomSite.value("pdbx_PDB_model_num", r);
            if (firstModel == null) {
                firstModel = model;
            } else if (!firstModel.equals(model)) {
                continue;
            }
            var chain = required(atomSite, "label_asym_id", r);
            var atom = new Atom(atomName(atomSite, r), atomSite.value("type_symbol", r),
                    number(atomSite, "Cartn_x", r), number(atomSite, "Cartn_y", r), number(atomSite, "Cartn_z", r),
                    optionalNumber(atomSite, "occupancy", r, 1.0), optionalNumber(atomSite, "B_iso_or_equiv", r, 0.0));
            rowsByChain.computeIfAbsent(chain, k -> new ArrayList<>()).add(new AtomRow(r, chain,
                    atomSite.value("label_seq_id", r), atomSite.value("auth_seq_id", r),
                    atomSite.value("pdbx_PDB_ins_code", r), required(atomSite, "label_comp_id", r),
                    atomSite.value("label_alt_id", r), atom));
            authByChain.putIfAbsent(chain, atomSite.value("auth_asym_id", r));
            entityByChain.putIfAbsent(chain, atomSite.value("label_entity_id", r));
        }

        var chains = new ArrayList<Chain>();
        for (var entry : rowsByChain.entrySet()) {
            var labelId = entry.getKey();
            var entityId = asymEntity.getOrDefault(labelId, entityByChain.get(labelId));
            boolean polymer = polyType.containsKey(entityId);
            var type = polymer ? polyType.get(entityId) : entityType.getOrDefault(entityId, "non-polymer");
            if (!options.includeWater() && "water".equals(type)) {
                continue;
            }
            var authId = authByChain.get(labelId);
            if (authId == null || authId.equals("?") || authId.equals(".")) {
                authId = labelId;
            }
            var residues = polymer ? polymerResidues(labelId, entityId, entry.getValue())
                    : otherResidues(entry.getValue());
            chains.add(new Chain(labelId, authId, entityId, entityDesc.getOrDefault(entityId, "."), type, polymer,
                    residues));
        }
        return new MmcifStructure(block.name(), releaseDate(), resolution(), methods(), chains, carried());
    }

    private List<Residue> polymerResidues(String labelId, String entityId, List<AtomRow> rows) {
        var atomsBySeqId = new LinkedHashMap<String, List<AtomRow>>();
        for (var row : rows) {
            atomsBySeqId.computeIfAbsent(row.seqId(), k -> new ArrayList<>()).add(row);
        }
        var sequence = fullSequence(labelId, entityId);
        if (sequence.isEmpty()) {
            for (var seqId : atomsBySeqId.keySet()) {
                var first = atomsBySeqId.get(seqId).get(0);
                sequence.add(new String[] {seqId, first.comp(), first.authSeqId(), first.insCode()});
            }
        }
        var residues = new ArrayList<Residue>();
        var seen = new LinkedHashSet<String>();
        for (var entry : sequence) {
            var seqId = entry[0];
            if (!seen.add(seqId)) {
                continue; // Microheterogeneity: the first listed residue, or the modelled one below, is kept.
            }
            var atomRows = atomsBySeqId.getOrDefault(seqId, List.of());
            int id = integer(seqId, "label_seq_id");
            if (atomRows.isEmpty()) {
                residues.add(fixResidue(new Residue(id, entry[1], entry[2], entry[3], List.of())));
            } else {
                var kept = selectAltLoc(atomRows);
                var first = kept.get(0);
                residues.add(fixResidue(new Residue(id, first.comp(), first.authSeqId(), first.insCode(),
                        kept.stream().map(AtomRow::atom).toList())));
            }
        }
        return residues;
    }

    /** Rows of [seq_id, mon_id, pdb_seq_num, pdb_ins_code] from the poly_seq_scheme, else from entity_poly_seq. */
    private List<String[]> fullSequence(String labelId, String entityId) {
        var out = new ArrayList<String[]>();
        var scheme = block.category("_pdbx_poly_seq_scheme");
        if (scheme.isPresent()) {
            var s = scheme.get();
            for (int r = 0; r < s.rowCount(); r++) {
                if (labelId.equals(s.value("asym_id", r))) {
                    out.add(new String[] {s.value("seq_id", r), s.value("mon_id", r), s.value("pdb_seq_num", r),
                            s.value("pdb_ins_code", r)});
                }
            }
            if (!out.isEmpty()) {
                return out;
            }
        }
        var polySeq = block.category("_entity_poly_seq");
        if (polySeq.isPresent()) {
            var s = polySeq.get();
            for (int r = 0; r < s.rowCount(); r++) {
                if (entityId.equals(s.value("entity_id", r))) {
                    out.add(new String[] {s.value("num", r), s.value("mon_id", r), ".", "."});
                }
            }
        }
        return out;
    }

    private List<Residue> otherResidues(List<AtomRow> rows) {
        var residues = new ArrayList<Residue>();
        var current = new ArrayList<AtomRow>();
        for (var row : rows) {
            if (!current.isEmpty()) {
                var first = current.get(0);
                boolean same = first.authSeqId().equals(row.authSeqId()) && first.insCode().equals(row.insCode())
                        && first.seqId().equals(row.seqId());
                if (!same) {
                    residues.add(otherResidue(residues.size() + 1, current));
                    current = new ArrayList<>();
                }
            }
            current.add(row);
        }
        if (!current.isEmpty()) {
            residues.add(otherResidue(residues.size() + 1, current));
        }
        return residues;
    }

    private Residue otherResidue(int index, List<AtomRow> rows) {
        var kept = selectAltLoc(rows);
        var first = kept.get(0);
        int id = first.seqId().equals(".") || first.seqId().equals("?") ? index : integer(first.seqId(), "label_seq_id");
        return fixResidue(new Residue(id, first.comp(), first.authSeqId(), first.insCode(),
                kept.stream().map(AtomRow::atom).toList()));
    }

    /**
     * AF3's alternate-location rule. Atoms without an alt ID are kept. A run of alt-located atoms inside a residue
     * keeps, per atom name, the copy with the highest occupancy (ties: smaller alt ID). When every atom of the
     * residue has an alt ID, the residue type with the highest summed mean occupancy is chosen, then its best alt
     * ID, and each atom name keeps that alt ID's copy (or its first copy). Hydrogen and deuterium names match.
     */
    private static List<AtomRow> selectAltLoc(List<AtomRow> rows) {
        var kept = new ArrayList<AtomRow>();
        int runStart = -1;
        for (int i = 0; i < rows.size(); i++) {
            if (isBlank(rows.get(i).altId())) {
                if (runStart >= 0) {
                    keepBestPerAtom(rows.subList(runStart, i), kept);
                    runStart = -1;
                }
                kept.add(rows.get(i));
            } else if (runStart < 0) {
                runStart = i;
            }
        }
        if (runStart == 0) {
            keepBestWholeResidue(rows, kept);
        } else if (runStart > 0) {
            keepBestPerAtom(rows.subList(runStart, rows.size()), kept);
        }
        var comp = kept.get(0).comp();
        kept.removeIf(row -> !row.comp().equals(comp));
        return kept;
    }

    private static void keepBestPerAtom(List<AtomRow> run, List<AtomRow> kept) {
        for (var group : groupBy(run, (a, b) -> sameAtom(a.atom().name(), b.atom().name()))) {
            var best = group.get(0);
            for (var row : group) {
                float occupancy = (float) row.atom().occupancy();
                float bestOccupancy = (float) best.atom().occupancy();
                if (occupancy > bestOccupancy || (occupancy == bestOccupancy && altChar(row) < altChar(best))) {
                    best = row;
                }
            }
            kept.add(best);
        }
    }

    private static void keepBestWholeResidue(List<AtomRow> residue, List<AtomRow> kept) {
        List<AtomRow> bestComp = residue;
        float bestTotal = Float.NEGATIVE_INFINITY;
        char bestAlt = altChar(residue.get(0));
        for (var compGroup : groupBy(residue, (a, b) -> a.comp().equals(b.comp()))) {
            var alts = new ArrayList<Character>();
            var counts = new ArrayList<Integer>();
            var sums = new ArrayList<Float>();
            for (var row : compGroup) {
                int k = alts.indexOf(altChar(row));
                if (k < 0) {
                    alts.add(altChar(row));
                    counts.add(1);
                    sums.add((float) row.atom().occupancy());
                } else {
                    counts.set(k, counts.get(k) + 1);
                    sums.set(k, sums.get(k) + (float) row.atom().occupancy());
                }
            }
            float total = 0;
            for (int k = 0; k < alts.size(); k++) {
                total += sums.get(k) / counts.get(k);
            }
            char smallestAlt = alts.stream().min(Character::compare).orElseThrow();
            if (total > bestTotal || (total == bestTotal && smallestAlt < bestAlt)) {
                bestAlt = alts.get(0);
                float bestMean = sums.get(0) / counts.get(0);
                for (int k = 1; k < alts.size(); k++) {
                    float mean = sums.get(k) / counts.get(k);
                    if (mean > bestMean || (mean == bestMean && alts.get(k) < bestAlt)) {
                        bestMean = mean;
                        bestAlt = alts.get(k);
                    }
                }
                bestTotal = total;
                bestComp = compGroup;
            }
        }
        for (var group : groupBy(bestComp, (a, b) -> sameAtom(a.atom().name(), b.atom().name()))) {
            var chosen = group.get(0);
            for (var row : group) {
                if (altChar(row) == bestAlt) {
                    chosen = row;
                    break;
                }
            }
            kept.add(chosen);
        }
    }

    /** Consecutive rows equivalent to the first row of their group. */
    private static List<List<AtomRow>> groupBy(List<AtomRow> rows,
                                               java.util.function.BiPredicate<AtomRow, AtomRow> same) {
        var groups = new ArrayList<List<AtomRow>>();
        int start = 0;
        for (int i = 1; i <= rows.size(); i++) {
            if (i == rows.size() || !same.test(rows.get(i), rows.get(start))) {
                groups.add(rows.subList(start, i));
                start = i;
            }
        }
        return groups;
    }

    /** Deuterium is hydrogen for grouping: HD21 and DD21 name the same atom. */
    private static boolean sameAtom(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        boolean hd = (a.charAt(0) == 'H' && b.charAt(0) == 'D') || (a.charAt(0) == 'D' && b.charAt(0) == 'H');
        return hd && a.substring(1).equals(b.substring(1));
    }

    private static char altChar(AtomRow row) {
        return row.altId().charAt(0);
    }

    private Residue fixResidue(Residue residue) {
        if (options.fixMse() && residue.name().equals("MSE")) {
            var atoms = residue.atoms().stream()
                    .map(a -> a.name().equals("SE") ? new Atom("SD", "S", a.x(), a.y(), a.z(), a.occupancy(), a.bFactor()) : a)
                    .toList();
            return new Residue(residue.seqId(), "MET", residue.authSeqId(), residue.insertionCode(), atoms);
        }
        if (options.fixArginines() && residue.name().equals("ARG")) {
            return fixArginine(residue);
        }
        return residue;
    }

    /** NH1 must be the guanidinium nitrogen closer to CD; swap the NH1/NH2 (and their hydrogens') names if not. */
    private static Residue fixArginine(Residue residue) {
        Atom cd = null;
        Atom nh1 = null;
        Atom nh2 = null;
        for (var atom : residue.atoms()) {
            switch (atom.name()) {
                case "CD" -> cd = atom;
                case "NH1" -> nh1 = atom;
                case "NH2" -> nh2 = atom;
                default -> { }
            }
        }
        if (cd == null || nh1 == null || nh2 == null || distance2(cd, nh1) <= distance2(cd, nh2)) {
            return residue;
        }
        var swap = Map.of("NH1", "NH2", "NH2", "NH1", "HH11", "HH21", "HH21", "HH11", "HH12", "HH22", "HH22", "HH12");
        var atoms = residue.atoms().stream()
                .map(a -> swap.containsKey(a.name())
                        ? new Atom(swap.get(a.name()), a.element(), a.x(), a.y(), a.z(), a.occupancy(), a.bFactor())
                        : a)
                .toList();
        return new Residue(residue.seqId(), residue.name(), residue.authSeqId(), residue.insertionCode(), atoms);
    }

    private static double distance2(Atom a, Atom b) {
        double dx = a.x() - b.x();
        double dy = a.y() - b.y();
        double dz = a.z() - b.z();
        return dx * dx + dy * dy + dz * dz;
    }

    private List<CifCategory> carried() {
        var out = new ArrayList<CifCategory>();
        chemicalComponents().ifPresent(out::add);
        out.addAll(bioassemblies());
        return out;
    }

    private static final List<String> CHEM_COMP_FIELDS = List.of("type", "name", "pdbx_synonyms", "formula",
            "formula_weight", "mon_nstd_flag", "pdbx_smiles");

    /**
     * {@code _chem_comp} as AF3 keeps it: only the fields it models, one row per ID, sorted by ID; with the MSE fix
     * a standard MET entry is added when absent (the MSE entry stays).
     */
    private java.util.Optional<CifCategory> chemicalComponents() {
        var source = block.category("_chem_comp");
        if (source.isEmpty() || source.get().column("id").isEmpty() || source.get().column("type").isEmpty()) {
            return java.util.Optional.empty();
        }
        var c = source.get();
        var entries = new java.util.TreeMap<String, Map<String, String>>();
        for (int r = 0; r < c.rowCount(); r++) {
            var entry = new HashMap<String, String>();
            for (var field : CHEM_COMP_FIELDS) {
                entry.put(field, c.value(field, r));
            }
            entries.put(c.value("id", r), entry);
        }
        if (options.fixMse() && entries.containsKey("MSE") && !entries.containsKey("MET")) {
            entries.put("MET", Map.of("type", "L-PEPTIDE LINKING", "name", "METHIONINE", "pdbx_synonyms", "?",
                    "formula", "C5 H11 N O2 S", "formula_weight", "149.211", "mon_nstd_flag", "y", "pdbx_smiles", "?"));
        }
        boolean anySmiles = entries.values().stream().anyMatch(e -> !e.get("pdbx_smiles").equals("?"));
        var b = CifCategory.builder("_chem_comp");
        entries.forEach((id, entry) -> {
            b.add("id", id);
            for (var field : CHEM_COMP_FIELDS) {
                if (anySmiles || !field.equals("pdbx_smiles")) {
                    b.add(field, entry.get(field));
                }
            }
        });
        return java.util.Optional.of(b.build());
    }

    private static final List<String> ASSEMBLY_REQUIRED = List.of("_pdbx_struct_assembly.id",
            "_pdbx_struct_assembly.details", "_pdbx_struct_assembly.method_details",
            "_pdbx_struct_assembly.oligomeric_details", "_pdbx_struct_assembly.oligomeric_count",
            "_pdbx_struct_assembly_gen.assembly_id", "_pdbx_struct_assembly_gen.oper_expression",
            "_pdbx_struct_assembly_gen.asym_id_list", "_pdbx_struct_oper_list.id", "_pdbx_struct_oper_list.type",
            "_pdbx_struct_oper_list.name", "_pdbx_struct_oper_list.symmetry_operation",
            "_pdbx_struct_oper_list.matrix[1][1]", "_pdbx_struct_oper_list.matrix[1][2]",
            "_pdbx_struct_oper_list.matrix[1][3]", "_pdbx_struct_oper_list.vector[1]",
            "_pdbx_struct_oper_list.matrix[2][1]", "_pdbx_struct_oper_list.matrix[2][2]",
            "_pdbx_struct_oper_list.matrix[2][3]", "_pdbx_struct_oper_list.vector[2]",
            "_pdbx_struct_oper_list.matrix[3][1]", "_pdbx_struct_oper_list.matrix[3][2]",
            "_pdbx_struct_oper_list.matrix[3][3]", "_pdbx_struct_oper_list.vector[3]");

    /**
     * Bioassembly tables as AF3 carries them: all present only if every column AF3 requires is there; assembly and
     * operator rows as read, generator rows reduced to their three columns and grouped by assembly.
     */
    private List<CifCategory> bioassemblies() {
        for (var key : ASSEMBLY_REQUIRED) {
            int dot = key.indexOf('.');
            if (block.category(key.substring(0, dot)).flatMap(c -> c.column(key.substring(dot + 1))).isEmpty()) {
                return List.of();
            }
        }
        var assembly = block.category("_pdbx_struct_assembly").orElseThrow();
        var gen = block.category("_pdbx_struct_assembly_gen").orElseThrow();
        var genRows = new ArrayList<Integer>();
        for (var assemblyId : new LinkedHashSet<>(assembly.column("id").orElseThrow())) {
            for (int r = 0; r < gen.rowCount(); r++) {
                if (gen.value("assembly_id", r).equals(assemblyId)) {
                    genRows.add(r);
                }
            }
        }
        var genColumns = new LinkedHashMap<String, List<String>>();
        for (var column : List.of("assembly_id", "oper_expression", "asym_id_list")) {
            genColumns.put(column, gen.column(column).orElseThrow());
        }
        var reducedGen = new CifCategory("_pdbx_struct_assembly_gen", genColumns).selectRows(genRows);
        return List.of(assembly, reducedGen, block.category("_pdbx_struct_oper_list").orElseThrow());
    }

    private LocalDate releaseDate() {
        LocalDate earliest = null;
        var dates = block.category("_pdbx_audit_revision_history").flatMap(c -> c.column("revision_date"));
        for (var text : dates.orElse(List.of())) {
            try {
                var date = LocalDate.parse(text);
                if (earliest == null || date.isBefore(earliest)) {
                    earliest = date;
                }
            } catch (DateTimeParseException e) {
                if (!isBlank(text)) {
                    throw new MmcifParseException(source + ": _pdbx_audit_revision_history.revision_date '" + text
                            + "' is not an ISO date (YYYY-MM-DD)");
                }
            }
        }
        return earliest;
    }

    private Double resolution() {
        for (var key : List.of("_refine.ls_d_res_high", "_em_3d_reconstruction.resolution",
                "_reflns.d_resolution_high")) {
            var parts = key.split("\\.");
            var value = block.firstValue(parts[0], parts[1]);
            if (value.isPresent() && !isBlank(value.get())) {
                try {
                    return Double.parseDouble(value.get());
                } catch (NumberFormatException e) {
                    // AF3 also skips unparsable resolutions and tries the next source.
                }
            }
        }
        return null;
    }

    private List<String> methods() {
        return block.category("_exptl").flatMap(c -> c.column("method")).orElse(List.of()).stream()
                .filter(m -> !isBlank(m)).toList();
    }

    private Map<String, String> columnMap(String category, String keyColumn, String valueColumn) {
        var out = new HashMap<String, String>();
        block.category(category).ifPresent(c -> {
            for (int r = 0; r < c.rowCount(); r++) {
                out.put(c.value(keyColumn, r), c.value(valueColumn, r));
            }
        });
        return out;
    }

    private String atomName(CifCategory atomSite, int row) {
        var name = atomSite.value("label_atom_id", row);
        if (isBlank(name)) {
            name = atomSite.value("auth_atom_id", row);
        }
        if (isBlank(name)) {
            throw new MmcifParseException(source + ": _atom_site row " + (row + 1) + " has no label_atom_id");
        }
        return name;
    }

    private String required(CifCategory category, String key, int row) {
        var value = category.value(key, row);
        if (isBlank(value)) {
            throw new MmcifParseException(source + ": " + category.name() + "." + key + " is missing in row "
                    + (row + 1));
        }
        return value;
    }

    private double number(CifCategory category, String key, int row) {
        var value = required(category, key, row);
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new MmcifParseException(source + ": " + category.name() + "." + key + " in row " + (row + 1)
                    + " is not a number: '" + value + "'");
        }
    }

    private double optionalNumber(CifCategory category, String key, int row, double fallback) {
        var value = category.value(key, row);
        return isBlank(value) ? fallback : number(category, key, row);
    }

    private int integer(String value, String what) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new MmcifParseException(source + ": " + what + " '" + value + "' is not an integer");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isEmpty() || Objects.equals(value, ".") || Objects.equals(value, "?");
    }
}
