package org.foldbatch.input;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.foldbatch.util.PythonJson;

/** Checks a user-defined CCD (mmCIF text, possibly several {@code data_} blocks) for the keys AlphaFold 3 requires. */
final class UserCcd {

    static final List<String> MANDATORY_KEYS = List.of(
            "_chem_comp.id", "_chem_comp.name", "_chem_comp.type", "_chem_comp.formula",
            "_chem_comp.mon_nstd_parent_comp_id", "_chem_comp.pdbx_synonyms", "_chem_comp.formula_weight",
            "_chem_comp_atom.comp_id", "_chem_comp_atom.atom_id", "_chem_comp_atom.type_symbol",
            "_chem_comp_atom.charge", "_chem_comp_atom.pdbx_model_Cartn_x_ideal",
            "_chem_comp_atom.pdbx_model_Cartn_y_ideal", "_chem_comp_atom.pdbx_model_Cartn_z_ideal",
            "_chem_comp_bond.atom_id_1", "_chem_comp_bond.atom_id_2", "_chem_comp_bond.value_order",
            "_chem_comp_bond.pdbx_aromatic_flag");

    private UserCcd() {
    }

    /** Returns null when every block has all mandatory keys, else AlphaFold 3's message for the first bad block. */
    static String problem(String userCcd) {
        if (userCcd.isEmpty()) {
            return "User CCD cannot be an empty string.";
        }
        Map<String, Set<String>> blocks = keysPerBlock(userCcd);
        if (blocks.isEmpty()) {
            // Any readable file would otherwise pass and be copied whole into <name>_data.json.
            return "User CCD is not an mmCIF chemical component dictionary: it has no data_ block.";
        }
        for (Map.Entry<String, Set<String>> block : blocks.entrySet()) {
            Set<String> missing = new TreeSet<>(MANDATORY_KEYS);
            missing.removeAll(block.getValue());
            if (!missing.isEmpty()) {
                return "Component " + block.getKey() + " in the user-defined CCD is missing these keys: "
                        + missing.stream().map(PythonJson::repr).collect(Collectors.joining(", ", "{", "}"));
            }
        }
        return null;
    }

    /** Data item names per data block. Lines inside semicolon-delimited text fields are skipped. */
    static Map<String, Set<String>> keysPerBlock(String cif) {
        Map<String, Set<String>> blocks = new LinkedHashMap<>();
        Set<String> current = null;
        boolean inTextField = false;
        for (String line : cif.split("\r?\n", -1)) {
            if (line.startsWith(";")) {
                inTextField = !inTextField;
                continue;
            }
            if (inTextField) {
                continue;
            }
            String trimmed = line.strip();
            if (trimmed.startsWith("data_")) {
                current = new TreeSet<>();
                blocks.put(trimmed.substring(5).split("\\s+")[0], current);
            } else if (trimmed.startsWith("_") && current != null) {
                current.add(trimmed.split("\\s+")[0]);
            }
        }
        return blocks;
    }
}
