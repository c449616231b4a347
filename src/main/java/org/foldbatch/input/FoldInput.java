package org.foldbatch.input;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.foldbatch.util.Hashing;
import org.foldbatch.util.PathSegments;
import org.foldbatch.util.PythonJson;

/**
 * One AlphaFold 3 fold job, in AlphaFold 3's own terms (its {@code folding_input.Input}). Chains are kept in input
 * order, one instance per chain id.
 *
 * @param bondedAtomPairs user bonds; empty when unset (written as {@code null})
 * @param userCcd         user-defined CCD mmCIF text, or null
 */
public record FoldInput(String name, List<Long> modelSeeds, List<Chain> chains, List<BondedAtomPair> bondedAtomPairs,
                        String userCcd) {

    public static final long MAX_SEED = 0xFFFF_FFFFL;

    public FoldInput {
        Objects.requireNonNull(name, "name");
        modelSeeds = List.copyOf(modelSeeds);
        chains = List.copyOf(chains);
        bondedAtomPairs = bondedAtomPairs == null ? List.of() : List.copyOf(bondedAtomPairs);
        if (modelSeeds.isEmpty()) {
            throw new IllegalArgumentException("Input must have at least one RNG seed.");
        }
        if (modelSeeds.stream().anyMatch(seed -> seed < 0 || seed > MAX_SEED)) {
            throw new IllegalArgumentException("RNG seeds must be 32-bit unsigned integers, got " + modelSeeds);
        }
        String nameProblem = nameProblem(name);
        if (nameProblem != null) {
            throw new IllegalArgumentException(nameProblem);
        }
        if (chains.stream().anyMatch(c -> !ChainIds.isValid(c.id()))) {
            throw new IllegalArgumentException("IDs must be upper case letters, got: "
                    + chains.stream().map(c -> PythonJson.repr(c.id())).collect(Collectors.joining(", ", "[", "]")));
        }
        Set<String> ids = new HashSet<>();
        for (Chain chain : chains) {
            if (!ids.add(chain.id())) {
                throw new IllegalArgumentException("Input JSON contains sequences with duplicate IDs.");
            }
        }
        Map<String, Chain> byId = new HashMap<>();
        chains.forEach(c -> byId.put(c.id(), c));
        for (BondedAtomPair bond : bondedAtomPairs) {
            String problem = bondProblem(bond, byId);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
        }
        if (new HashSet<>(bondedAtomPairs).size() != bondedAtomPairs.size()) {
            throw new IllegalArgumentException("Bonds are not unique: " + bondedAtomPairs.stream()
                    .map(BondedAtomPair::pythonRepr).collect(Collectors.joining(", ", "[", "]")));
        }
        if (userCcd != null) {
            String problem = UserCcd.problem(userCcd);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
        }
    }

    static final String INVALID_NAME = "Input name must be non-empty and contain at least one valid character"
            + " (letters, numbers, dots, dashes, underscores).";

    public static FoldInput of(String name, List<Long> modelSeeds, List<? extends Chain> chains) {
        return new FoldInput(name, modelSeeds, new ArrayList<>(chains), List.of(), null);
    }

    /**
     * AlphaFold 3's name check, then ours: the sanitised name becomes a folder under the output directory, so a name
     * that sanitises to dots only ({@code ..}) or to more than a file name can hold is refused; null when fine.
     */
    static String nameProblem(String name) {
        if (name.strip().isEmpty() || sanitise(name).isEmpty()) {
            return INVALID_NAME;
        }
        String problem = PathSegments.problem(sanitise(name));
        return problem == null ? null : "Input name " + PathSegments.abbreviate(name)
                + " cannot name the output folder: " + problem + ".";
    }

    /** AlphaFold 3's bond checks, in its order; null when the bond is fine. */
    static String bondProblem(BondedAtomPair bond, Map<String, Chain> chainsById) {
        Chain first = chainsById.get(bond.first().chainId());
        Chain second = chainsById.get(bond.second().chainId());
        String repr = "[" + bondAtomList(bond.first()) + ", " + bondAtomList(bond.second()) + "]";
        if (first == null || second == null) {
            return "Invalid chain ID(s) in bond " + repr;
        }
        if (bond.first().residueId() < 1 || bond.first().residueId() > first.length()
                || bond.second().residueId() < 1 || bond.second().residueId() > second.length()) {
            return "Invalid residue ID(s) in bond " + repr;
        }
        if (first instanceof Ligand l && l.isSmiles()) {
            return "Bond " + repr + " involves an unsupported SMILES ligand " + first.id();
        }
        if (second instanceof Ligand l && l.isSmiles()) {
            return "Bond " + repr + " involves an unsupported SMILES ligand " + second.id();
        }
        return null;
    }

    private static String bondAtomList(BondAtom atom) {
        return "[" + PythonJson.repr(atom.chainId()) + ", " + atom.residueId() + ", "
                + PythonJson.repr(atom.atomName()) + "]";
    }

    /**
     * The name as used for the output directory, file prefixes and the mmCIF data block: spaces become underscores,
     * then everything but ASCII letters, digits, '_', '-' and '.' is dropped. Case is kept.
     */
    public String sanitisedName() {
        return sanitise(name);
    }

    private static String sanitise(String name) {
        StringBuilder out = new StringBuilder();
        name.replace(' ', '_').chars()
                .filter(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                        || c == '_' || c == '-' || c == '.')
                .forEach(c -> out.append((char) c));
        return out.toString();
    }

    /**
     * What the input's text does that it may not mean, one message per chain. AlphaFold 3 keeps a sequence as given
     * and maps each letter through its upper-case residue tables, so lowercase letters become unknown residues
     * (UNK, shown as X for protein and N for nucleic acids): an all-lowercase sequence folds as a chain of unknowns.
     * Foldbatch does the same, and says so.
     */
    public List<String> warnings() {
        List<String> out = new ArrayList<>();
        for (Chain chain : chains) {
            String sequence = chain instanceof ProteinChain p ? p.sequence()
                    : chain instanceof RnaChain r ? r.sequence()
                    : chain instanceof DnaChain d ? d.sequence() : "";
            long lower = sequence.chars().filter(Character::isLowerCase).count();
            if (lower > 0) {
                int first = 0;
                while (!Character.isLowerCase(sequence.charAt(first))) {
                    first++;
                }
                out.add("chain " + chain.id() + ": " + lower + " of " + sequence.length()
                        + " residues are lowercase letters (first '" + sequence.charAt(first) + "' at position "
                        + (first + 1) + "); AlphaFold 3 folds them as unknown residues (UNK), as Foldbatch does; "
                        + "write the sequence in upper case to fold them as the residues they name");
            }
        }
        return out;
    }

    public List<ProteinChain> proteinChains() {
        return chainsOf(ProteinChain.class);
    }

    public List<RnaChain> rnaChains() {
        return chainsOf(RnaChain.class);
    }

    public List<DnaChain> dnaChains() {
        return chainsOf(DnaChain.class);
    }

    public List<Ligand> ligands() {
        return chainsOf(Ligand.class);
    }

    private <T extends Chain> List<T> chainsOf(Class<T> type) {
        return chains.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public Optional<Chain> chain(String id) {
        return chains.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public FoldInput withChains(List<? extends Chain> newChains) {
        return new FoldInput(name, modelSeeds, new ArrayList<>(newChains), bondedAtomPairs, userCcd);
    }

    /** Replaces the chain with the id of {@code replacement}, for example with MSAs and templates filled in. */
    public FoldInput withChain(Chain replacement) {
        List<Chain> replaced = new ArrayList<>(chains.size());
        boolean found = false;
        for (Chain chain : chains) {
            if (chain.id().equals(replacement.id())) {
                replaced.add(replacement);
                found = true;
            } else {
                replaced.add(chain);
            }
        }
        if (!found) {
            throw new IllegalArgumentException("No chain with id " + replacement.id() + " in " + name);
        }
        return withChains(replaced);
    }

    public FoldInput withModelSeeds(List<Long> seeds) {
        return new FoldInput(name, seeds, chains, bondedAtomPairs, userCcd);
    }

    /** AlphaFold 3's {@code --num_seeds}: the single seed s becomes s, s+1, ..., s+n-1. */
    public FoldInput withMultipleSeeds(int numSeeds) {
        if (numSeeds <= 1) {
            throw new IllegalArgumentException("Number of seeds must be greater than 1.");
        }
        if (modelSeeds.size() != 1) {
            throw new IllegalArgumentException("Input must have one rng seed to set multiple seeds.");
        }
        long first = modelSeeds.get(0);
        return withModelSeeds(LongStream.range(first, first + numSeeds).boxed().toList());
    }

    /** AlphaFold 3's {@code fill_missing_fields}: unset MSAs become "" and unset templates empty lists. */
    public FoldInput fillMissingFields() {
        return withChains(chains.stream().map(FoldInput::fillMissingFields).toList());
    }

    private static Chain fillMissingFields(Chain chain) {
        if (chain instanceof ProteinChain protein) {
            return protein.fillMissingFields();
        }
        if (chain instanceof RnaChain rna) {
            return rna.fillMissingFields();
        }
        return chain;
    }

    /** The {@code _data.json} text AlphaFold 3 would write for this input. */
    public String toJson() {
        return FoldInputWriter.toJson(this);
    }

    /**
     * SHA-256 (lower-case hex) of a canonical serialisation: equal inputs give equal hashes, whatever the order of
     * template index pairs. Use it as the job identity.
     */
    public String contentHash() {
        return Hashing.sha256(FoldInputWriter.canonicalJson(this));
    }
}
