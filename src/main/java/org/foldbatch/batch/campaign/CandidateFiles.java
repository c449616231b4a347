package org.foldbatch.batch.campaign;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.actelion.research.chem.MolfileParser;
import com.actelion.research.chem.StereoMolecule;
import com.actelion.research.chem.IsomericSmilesCreator;

/**
 * Candidate lists kept in files next to a campaign: ligands as a SMILES file ({@code SMILES [name]} per line) or an
 * SDF (each record's title line is its name; the structure becomes SMILES), partner proteins as FASTA.
 */
final class CandidateFiles {

    /** A named candidate: a SMILES string or a protein sequence. */
    record Entry(String name, String value) {
    }

    private CandidateFiles() {
    }

    static List<Entry> ligands(Path file) {
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return lower.endsWith(".sdf") || lower.endsWith(".sd") || lower.endsWith(".mol")
                ? sdf(file, lines(file)) : smiles(file, lines(file));
    }

    static List<Entry> smiles(Path file, List<String> lines) {
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+", 2);
            String name = parts.length > 1 ? parts[1].strip() : "line" + (i + 1);
            out.add(new Entry(name, parts[0]));
        }
        return out;
    }

    static List<Entry> sdf(Path file, List<String> lines) {
        List<Entry> out = new ArrayList<>();
        StringBuilder block = new StringBuilder();
        int record = 0;
        for (String line : lines) {
            if (line.startsWith("$$$$")) {
                record++;
                out.add(molecule(file, block.toString(), record));
                block.setLength(0);
            } else {
                block.append(line).append('\n');
            }
        }
        if (!block.toString().isBlank()) {
            out.add(molecule(file, block.toString(), record + 1));
        }
        return out;
    }

    private static Entry molecule(Path file, String molBlock, int record) {
        StereoMolecule mol = new StereoMolecule();
        String molfile = molBlock.contains("M  END") ? molBlock.substring(0, molBlock.indexOf("M  END") + 6) : molBlock;
        if (!new MolfileParser().parse(mol, molfile) || mol.getAllAtoms() == 0) {
            throw new IllegalArgumentException("SDF record " + record + " of " + file + " is not a readable molfile");
        }
        String title = molBlock.lines().findFirst().orElse("").strip();
        return new Entry(title.isEmpty() ? "mol" + record : title, new IsomericSmilesCreator(mol).getSmiles());
    }

    static List<Entry> fasta(Path file) {
        List<Entry> out = new ArrayList<>();
        String name = null;
        StringBuilder seq = new StringBuilder();
        for (String line : lines(file)) {
            if (line.startsWith(">")) {
                if (name != null) {
                    out.add(new Entry(name, seq.toString()));
                }
                String header = line.substring(1).strip();
                name = header.isEmpty() ? "seq" + (out.size() + 1) : header.split("\\s+")[0];
                seq.setLength(0);
            } else if (name == null && !line.isBlank()) {
                throw new IllegalArgumentException(file + " is not FASTA: sequence before the first '>' header");
            } else {
                seq.append(line.strip());
            }
        }
        if (name != null) {
            out.add(new Entry(name, seq.toString()));
        }
        return out;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e);
        }
    }
}
