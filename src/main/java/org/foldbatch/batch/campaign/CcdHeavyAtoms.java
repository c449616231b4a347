package org.foldbatch.batch.campaign;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.foldbatch.FoldbatchException;

/**
 * Heavy-atom counts per component, read once from a CCD mmCIF file (components.cif or single-component files): the
 * rows of each {@code _chem_comp_atom} loop whose {@code type_symbol} is not H or D.
 */
public final class CcdHeavyAtoms implements SimpleTokenCounter.CcdAtoms {

    private final Map<String, Integer> counts;

    private CcdHeavyAtoms(Map<String, Integer> counts) {
        this.counts = Map.copyOf(counts);
    }

    public static CcdHeavyAtoms read(Path file) {
        Map<String, Integer> counts = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file)) {
            String line;
            List<String> columns = new ArrayList<>();
            boolean inLoopHeader = false;
            boolean inAtoms = false;
            while ((line = in.readLine()) != null) {
                String t = line.strip();
                if (t.equals("loop_")) {
                    columns.clear();
                    inLoopHeader = true;
                    inAtoms = false;
                } else if (inLoopHeader && t.startsWith("_")) {
                    columns.add(t.split("\\s+")[0]);
                } else {
                    if (inLoopHeader) {
                        inLoopHeader = false;
                        inAtoms = !columns.isEmpty() && columns.get(0).startsWith("_chem_comp_atom.");
                    }
                    if (inAtoms) {
                        if (t.isEmpty() || t.startsWith("#") || t.startsWith("_") || t.startsWith("data_")) {
                            inAtoms = false;
                            continue;
                        }
                        countRow(t, columns, counts);
                    }
                }
            }
        } catch (IOException e) {
            throw new FoldbatchException("CCD file " + file + ": cannot read: " + e.getMessage(), e);
        }
        return new CcdHeavyAtoms(counts);
    }

    private static void countRow(String row, List<String> columns, Map<String, Integer> counts) {
        String[] values = row.split("\\s+");
        int comp = columns.indexOf("_chem_comp_atom.comp_id");
        int type = columns.indexOf("_chem_comp_atom.type_symbol");
        if (comp < 0 || type < 0 || values.length <= Math.max(comp, type)) {
            return;
        }
        String element = values[type].replace("\"", "");
        if (!element.equalsIgnoreCase("H") && !element.equalsIgnoreCase("D")) {
            counts.merge(values[comp], 1, Integer::sum);
        }
    }

    @Override
    public OptionalInt heavyAtoms(String ccdCode) {
        Integer n = counts.get(ccdCode);
        return n == null ? OptionalInt.empty() : OptionalInt.of(n);
    }

    public int size() {
        return counts.size();
    }
}
