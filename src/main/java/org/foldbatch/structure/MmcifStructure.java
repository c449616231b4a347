package org.foldbatch.structure;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.foldbatch.constants.ResidueNames;

/**
 * A structure read from mmCIF: chains (label and author IDs, entity, type), residues including unresolved polymer
 * residues, atoms of the first model, and the header data AF3 carries through (release date, resolution, method).
 * {@code carriedCategories} are the chemical-component and bioassembly tables AF3 keeps on a structure and writes
 * back whichever chains remain. {@link #toCifBlock()} writes it all in AF3's structure-writer layout.
 */
public record MmcifStructure(String name, LocalDate releaseDate, Double resolution, List<String> methods,
                             List<Chain> chains, List<CifCategory> carriedCategories) {

    public MmcifStructure {
        methods = List.copyOf(methods);
        chains = List.copyOf(chains);
        carriedCategories = List.copyOf(carriedCategories);
    }

    /** @param type the {@code _entity_poly.type} of a polymer, else the {@code _entity.type} (non-polymer, water...) */
    public record Chain(String labelId, String authId, String entityId, String entityDescription, String type,
                        boolean polymer, List<Residue> residues) {

        public Chain {
            residues = List.copyOf(residues);
        }

        public List<Integer> unresolvedSeqIds() {
            return residues.stream().filter(r -> !r.resolved()).map(Residue::seqId).toList();
        }

        /** One letter per residue, unresolved residues included. */
        public String singleLetterSequence() {
            var out = new StringBuilder(residues.size());
            for (var residue : residues) {
                out.append(ResidueNames.oneLetter(residue.name(), type));
            }
            return out.toString();
        }
    }

    /** @param seqId {@code label_seq_id} for polymers, a 1-based running index for other chains */
    public record Residue(int seqId, String name, String authSeqId, String insertionCode, List<Atom> atoms) {

        public Residue {
            atoms = List.copyOf(atoms);
        }

        public boolean resolved() {
            return !atoms.isEmpty();
        }
    }

    public record Atom(String name, String element, double x, double y, double z, double occupancy, double bFactor) {
    }

    /** Parsing options; AF3 reads template structures with all fixes on and waters off. */
    public record Options(boolean fixMse, boolean fixArginines, boolean includeWater) {
        public static final Options TEMPLATE = new Options(true, true, false);
        public static final Options AS_IS = new Options(false, false, true);
    }

    public static MmcifStructure read(Path file, Options options) {
        return MmcifStructureParser.parse(CifReader.read(file), options, file.toString());
    }

    public static MmcifStructure fromString(String mmcif, String source, Options options) {
        return MmcifStructureParser.parse(CifReader.read(mmcif, source), options, source);
    }

    public Optional<Chain> chain(String labelId) {
        return chains.stream().filter(c -> c.labelId().equals(labelId)).findFirst();
    }

    /** Author chain ID to label chain ID, polymer chains only (AF3's polymer_auth_asym_id_to_label_asym_id). */
    public Map<String, String> polymerAuthToLabel() {
        var out = new LinkedHashMap<String, String>();
        for (var chain : chains) {
            if (chain.polymer()) {
                out.put(chain.authId(), chain.labelId());
            }
        }
        return out;
    }

    public Optional<Chain> polymerChainByAuthId(String authId) {
        return Optional.ofNullable(polymerAuthToLabel().get(authId)).flatMap(this::chain);
    }

    public MmcifStructure filterToChain(String labelId) {
        var kept = chains.stream().filter(c -> c.labelId().equals(labelId)).toList();
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("Structure " + name + " has no chain with label_asym_id " + labelId);
        }
        return new MmcifStructure(name, releaseDate, resolution, methods, kept, carriedCategories);
    }

    public CifBlock toCifBlock() {
        return MmcifStructureWriter.toBlock(this);
    }

    public String toMmcif() {
        return MmcifWriter.write(toCifBlock());
    }
}
