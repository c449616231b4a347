package org.foldbatch.feature;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.foldbatch.input.ProteinChain;
import org.foldbatch.constants.ResidueNames;
import org.foldbatch.input.RnaChain;
import org.foldbatch.msa.A3m;
import org.foldbatch.msa.FastaRecord;
import org.foldbatch.constants.ChainType;

/**
 * AlphaFold 3's MSA features: per chain the unpaired MSA (and, for heteromers, the paired MSA rows matched across
 * chains by species), the profile over each chain's full unpaired MSA, paired rows first then unpaired rows,
 * expanded to tokens and padded to 16,384 rows.
 */
final class MsaFeatures {

    private static final String PROTEIN_LETTERS = "ARNDCQEGHILKMFPSTWYV";

    /** One chain's rows: residue classes, deletions and (for paired rows) species. */
    record ChainMsa(int[][] rows, int[][] deletions, String[] species) {
        int depth() {
            return rows.length;
        }

        ChainMsa select(List<Integer> keep) {
            int[][] r = new int[keep.size()][];
            int[][] d = new int[keep.size()][];
            String[] s = new String[keep.size()];
            for (int i = 0; i < keep.size(); i++) {
                r[i] = rows[keep.get(i)];
                d[i] = deletions[keep.get(i)];
                s[i] = species[keep.get(i)];
            }
            return new ChainMsa(r, d, s);
        }

        ChainMsa head(int count) {
            return count >= rows.length ? this : new ChainMsa(Arrays.copyOf(rows, count),
                    Arrays.copyOf(deletions, count), Arrays.copyOf(species, count));
        }
    }

    private MsaFeatures() {
    }

    static List<Feature> compute(Assembly assembly, Tokens tokens, int n, FeaturiserConfig config) {
        int maxPaired = FeaturiserConfig.MSA_ROWS / 2;
        Set<String> proteinSequences = new HashSet<>();
        for (BuiltChain chain : assembly.chains()) {
            if (chain.type() == ChainType.PROTEIN) {
                proteinSequences.add(sequence(chain));
            }
        }
        boolean pairing = proteinSequences.size() > 1;
        List<ChainMsa> unpaired = new ArrayList<>();
        List<ChainMsa> paired = new ArrayList<>();
        List<float[]> profiles = new ArrayList<>();
        List<double[]> deletionMeans = new ArrayList<>();
        for (BuiltChain chain : assembly.chains()) {
            String query = chain.type().isPolymer() ? sequence(chain) : "-".repeat(tokenCount(tokens, chain.id()));
            ChainMsa chainUnpaired;
            ChainMsa chainPaired;
            if (chain.type().isPolymer()) {
                boolean skip = query.length() <= 4;
                String unpairedA3m = "";
                String pairedA3m = "";
                if (!skip) {
                    if (pairing && chain.input() instanceof ProteinChain p && p.pairedMsa() != null) {
                        pairedA3m = p.pairedMsa();
                    }
                    if (chain.input() instanceof ProteinChain p && p.unpairedMsa() != null) {
                        unpairedA3m = p.unpairedMsa();
                    } else if (chain.input() instanceof RnaChain r && r.unpairedMsa() != null) {
                        unpairedA3m = r.unpairedMsa();
                    }
                }
                chainUnpaired = parse(assembly.name(), chain, query, unpairedA3m, "unpairedMsa");
                chainPaired = parse(assembly.name(), chain, query, pairedA3m, "pairedMsa");
            } else {
                chainUnpaired = gapRow(query.length());
                chainPaired = gapRow(query.length());
            }
            unpaired.add(chainUnpaired);
            paired.add(chainPaired);
            profiles.add(profile(chainUnpaired, query.length()));
            deletionMeans.add(deletionMean(chainUnpaired, query.length()));
        }
        if (pairing) {
            paired = pair(paired, maxPaired);
            if (config.resolveMsaOverlaps()) {
                for (int c = 0; c < unpaired.size(); c++) {
                    unpaired.set(c, withoutRowsIn(unpaired.get(c), paired.get(c)));
                }
            }
        }
        paired = withoutAllGapRows(paired);
        for (int c = 0; c < unpaired.size(); c++) {
            int pairedRows = Math.min(paired.get(c).depth(), maxPaired);
            paired.set(c, paired.get(c).head(pairedRows));
            unpaired.set(c, unpaired.get(c).head(Math.min(unpaired.get(c).depth(),
                    FeaturiserConfig.MSA_ROWS - pairedRows)));
        }
        return assemble(tokens, n, paired, unpaired, profiles, deletionMeans);
    }

    private static List<Feature> assemble(Tokens tokens, int n, List<ChainMsa> paired, List<ChainMsa> unpaired,
                                          List<float[]> profiles, List<double[]> deletionMeans) {
        int pairedRows = paired.get(0).depth();
        int unpairedRows = unpaired.stream().mapToInt(ChainMsa::depth).max().orElse(0);
        int rows = pairedRows + unpairedRows;
        int columns = profiles.stream().mapToInt(p -> p.length / 31).sum();
        int[] chainOfColumn = new int[columns];
        int[] columnInChain = new int[columns];
        for (int c = 0, col = 0; c < profiles.size(); c++) {
            for (int i = 0; i < profiles.get(c).length / 31; i++, col++) {
                chainOfColumn[col] = c;
                columnInChain[col] = i;
            }
        }
        int s = FeaturiserConfig.MSA_ROWS;
        byte[] msa = new byte[s * n];
        byte[] deletions = new byte[s * n];
        boolean[] mask = new boolean[s * n];
        float[] profile = new float[n * 31];
        double[] deletionMean = new double[n];
        int t = tokens.count();
        int[] tokenChain = new int[t];
        int[] tokenColumn = new int[t];
        for (int token = 0; token < t; token++) {
            int col = tokens.standardTokenIndex.get(token);
            tokenChain[token] = chainOfColumn[col];
            tokenColumn[token] = columnInChain[col];
            System.arraycopy(profiles.get(tokenChain[token]), tokenColumn[token] * 31, profile, token * 31, 31);
            deletionMean[token] = deletionMeans.get(tokenChain[token])[tokenColumn[token]];
        }
        for (int r = 0; r < rows; r++) {
            boolean isPaired = r < pairedRows;
            int row = isPaired ? r : r - pairedRows;
            for (int token = 0; token < t; token++) {
                ChainMsa block = isPaired ? paired.get(tokenChain[token]) : unpaired.get(tokenChain[token]);
                boolean present = row < block.depth();
                int residue = present ? block.rows()[row][tokenColumn[token]] : TokenFeatures.GAP;
                int deletion = present ? block.deletions()[row][tokenColumn[token]] : 0;
                msa[r * n + token] = (byte) residue;
                deletions[r * n + token] = (byte) Math.max(-128, Math.min(127, deletion));
                mask[r * n + token] = true;
            }
        }
        return List.of(
                Feature.ofInt8s("msa", msa, s, n),
                Feature.ofBools("msa_mask", mask, s, n),
                Feature.ofInt8s("deletion_matrix", deletions, s, n),
                Feature.ofFloats("profile", profile, n, 31),
                Feature.ofDoubles("deletion_mean", deletionMean, n),
                Feature.ofInts("num_alignments", new int[]{rows}));
    }

    /** The chain's one-letter sequence as AlphaFold 3 queries its MSA (nucleic letters other than ACGTUN → N). */
    static String sequence(BuiltChain chain) {
        StringBuilder letters = new StringBuilder();
        for (Residue residue : chain.residues()) {
            char letter = ResidueNames.oneLetter(residue.name(), chain.type() == ChainType.PROTEIN ? 'X' : 'N');
            if (chain.type().isNucleic() && "ACGTUN".indexOf(letter) < 0) {
                letter = 'N';
            }
            letters.append(letter);
        }
        return letters.toString();
    }

    private static int tokenCount(Tokens tokens, String chainId) {
        return (int) tokens.residueOfToken.stream().filter(r -> r.chainId().equals(chainId)).count();
    }

    private static ChainMsa gapRow(int length) {
        int[] row = new int[length];
        Arrays.fill(row, TokenFeatures.GAP);
        return new ChainMsa(new int[][]{row}, new int[][]{new int[length]}, new String[]{""});
    }

    private static ChainMsa parse(String inputName, BuiltChain chain, String query, String a3m, String field) {
        List<FastaRecord> records = a3m.isEmpty() ? List.of() : A3m.parse(a3m);
        if (records.isEmpty()) {
            records = List.of(new FastaRecord("Original query", query));
        }
        String where = inputName + ": sequences[" + chain.id() + "]." + field;
        int[][] rows = new int[records.size()][];
        int[][] deletions = new int[records.size()][];
        String[] species = new String[records.size()];
        for (int r = 0; r < records.size(); r++) {
            String sequence = records.get(r).sequence();
            int[] row = new int[query.length()];
            int[] deletion = new int[query.length()];
            int column = 0;
            int pending = 0;
            for (int i = 0; i < sequence.length(); i++) {
                char c = sequence.charAt(i);
                int code = encode(c, chain.type());
                if (code < 0) {
                    if (c < 'a' || c > 'z') {
                        throw new FeaturisationException(where + " row " + (r + 1) + " column " + (i + 1)
                                + ": unknown residue '" + c + "'");
                    }
                    pending++;
                } else {
                    if (column >= query.length()) {
                        throw width(where, r, query.length());
                    }
                    row[column] = code;
                    deletion[column] = pending;
                    pending = 0;
                    column++;
                }
            }
            if (column != query.length()) {
                throw width(where, r, query.length());
            }
            rows[r] = row;
            deletions[r] = deletion;
            species[r] = speciesOf(records.get(r).description());
        }
        for (int i = 0; i < query.length(); i++) {
            if (rows[0][i] != encode(query.charAt(i), chain.type())) {
                throw new FeaturisationException(where + ": the first row " + records.get(0).sequence()
                        + " is not the query sequence " + query);
            }
        }
        return new ChainMsa(rows, deletions, species);
    }

    private static FeaturisationException width(String where, int row, int length) {
        return new FeaturisationException(where + " row " + (row + 1) + " does not have " + length
                + " aligned columns (the query length)");
    }

    /**
     * AlphaFold 3's UniProt species: the first word must be {@code sp|ACC|NAME_SPECIES} or {@code tr|...} with
     * exactly three fields and no isoform dash in the accession; the species is the text after the first
     * underscore of the entry name, up to a {@code /} range.
     */
    static String speciesOf(String description) {
        String stripped = description.strip();
        int space = stripped.indexOf(' ');
        String part = space < 0 ? stripped : stripped.substring(0, space);
        if (!part.startsWith("sp|") && !part.startsWith("tr|")) {
            return "";
        }
        String[] fields = part.split("\\|", -1);
        if (fields[1].contains("-") || fields.length != 3) {
            return "";
        }
        int underscore = fields[2].indexOf('_');
        if (underscore < 0) {
            return "";
        }
        String species = fields[2].substring(underscore + 1);
        int slash = species.indexOf('/');
        return slash < 0 ? species : species.substring(0, slash);
    }

    /** AlphaFold 3's MSA residue classes per chain type, -1 for characters that are not residues. */
    static int encode(char c, ChainType type) {
        if (c == '-') {
            return TokenFeatures.GAP;
        }
        if (c < 'A' || c > 'Z') {
            return -1;
        }
        switch (type) {
            case RNA -> {
                int i = "AGCU".indexOf(c);
                return i < 0 ? 30 : 22 + i;
            }
            case DNA -> {
                int i = "AGCT".indexOf(c);
                return i < 0 ? 30 : 26 + i;
            }
            default -> {
                char fixed = switch (c) {
                    case 'B' -> 'D';
                    case 'U' -> 'C';
                    case 'Z' -> 'E';
                    default -> c;
                };
                int i = PROTEIN_LETTERS.indexOf(fixed);
                return i < 0 ? TokenFeatures.UNK : i;
            }
        }
    }

    private static float[] profile(ChainMsa msa, int length) {
        float[] profile = new float[length * 31];
        for (int col = 0; col < length; col++) {
            int[] counts = new int[31];
            for (int[] row : msa.rows()) {
                counts[row[col]]++;
            }
            for (int k = 0; k < 31; k++) {
                profile[col * 31 + k] = (float) ((double) counts[k] / msa.depth());
            }
        }
        return profile;
    }

    private static double[] deletionMean(ChainMsa msa, int length) {
        double[] mean = new double[length];
        for (int col = 0; col < length; col++) {
            double sum = 0;
            for (int[] row : msa.deletions()) {
                sum += row[col];
            }
            mean[col] = sum / msa.depth();
        }
        return mean;
    }

    /** AlphaFold 3's species pairing: returns each chain's paired rows, row i of every chain being one species. */
    static List<ChainMsa> pair(List<ChainMsa> chains, int maxPaired) {
        List<Map<String, List<Integer>>> rowsBySpecies = new ArrayList<>();
        Map<String, Integer> chainsPerSpecies = new LinkedHashMap<>();
        Map<String, Integer> minHits = new HashMap<>();
        for (ChainMsa chain : chains) {
            Map<String, List<Integer>> bySpecies = new TreeMap<>();
            boolean usable = !(chain.depth() == 1 && chain.species()[0].isEmpty());
            if (usable) {
                for (int r = 0; r < chain.depth(); r++) {
                    bySpecies.computeIfAbsent(chain.species()[r], k -> new ArrayList<>()).add(r);
                }
            }
            rowsBySpecies.add(bySpecies);
            for (Map.Entry<String, List<Integer>> e : bySpecies.entrySet()) {
                chainsPerSpecies.merge(e.getKey(), 1, Integer::sum);
                minHits.put(e.getKey(), Math.min(minHits.getOrDefault(e.getKey(),
                        FeaturiserConfig.MAX_PAIRED_PER_SPECIES), e.getValue().size()));
            }
        }
        Map<Integer, List<String>> speciesByChainCount = new TreeMap<>(Comparator.reverseOrder());
        chainsPerSpecies.forEach((species, count) -> {
            if (!species.isEmpty() && count > 1) {
                speciesByChainCount.computeIfAbsent(count, k -> new ArrayList<>()).add(species);
            }
        });
        List<int[]> selected = new ArrayList<>();
        selected.add(new int[chains.size()]);
        int seen = 0;
        for (List<String> group : speciesByChainCount.values()) {
            List<int[]> block = new ArrayList<>();
            for (String species : group) {
                int hits = minHits.get(species);
                for (int h = 0; h < hits; h++) {
                    int[] row = new int[chains.size()];
                    for (int c = 0; c < chains.size(); c++) {
                        List<Integer> rows = rowsBySpecies.get(c).get(species);
                        row[c] = rows == null ? -1 : rows.get(h);
                    }
                    block.add(row);
                }
            }
            block.sort(Comparator.comparingDouble(MsaFeatures::rankMetric));
            selected.addAll(block);
            seen += block.size();
            if (seen >= maxPaired) {
                break;
            }
        }
        List<int[]> kept = selected.subList(0, Math.min(selected.size(), maxPaired));
        List<ChainMsa> out = new ArrayList<>();
        for (int c = 0; c < chains.size(); c++) {
            ChainMsa chain = chains.get(c);
            int length = chain.rows()[0].length;
            int[][] rows = new int[kept.size()][];
            int[][] deletions = new int[kept.size()][];
            String[] species = new String[kept.size()];
            for (int r = 0; r < kept.size(); r++) {
                int source = kept.get(r)[c];
                if (source < 0) {
                    rows[r] = new int[length];
                    Arrays.fill(rows[r], TokenFeatures.GAP);
                    deletions[r] = new int[length];
                    species[r] = "";
                } else {
                    rows[r] = chain.rows()[source];
                    deletions[r] = chain.deletions()[source];
                    species[r] = chain.species()[source];
                }
            }
            out.add(new ChainMsa(rows, deletions, species));
        }
        return out;
    }

    /** Sum of log |row index|: the product ranking of AlphaFold 3 without overflow (query index 0 sorts first). */
    private static double rankMetric(int[] row) {
        double sum = 0;
        for (int index : row) {
            sum += Math.log(Math.abs((double) index));
        }
        return sum;
    }

    private static ChainMsa withoutRowsIn(ChainMsa unpaired, ChainMsa paired) {
        Set<List<Integer>> pairedRows = new HashSet<>();
        for (int[] row : paired.rows()) {
            pairedRows.add(Arrays.stream(row).boxed().toList());
        }
        List<Integer> keep = new ArrayList<>();
        for (int r = 0; r < unpaired.depth(); r++) {
            if (!pairedRows.contains(Arrays.stream(unpaired.rows()[r]).boxed().toList())) {
                keep.add(r);
            }
        }
        return unpaired.select(keep);
    }

    private static List<ChainMsa> withoutAllGapRows(List<ChainMsa> paired) {
        List<Integer> keep = new ArrayList<>();
        for (int r = 0; r < paired.get(0).depth(); r++) {
            boolean allGaps = true;
            for (ChainMsa chain : paired) {
                for (int residue : chain.rows()[r]) {
                    if (residue != TokenFeatures.GAP) {
                        allGaps = false;
                        break;
                    }
                }
            }
            if (!allGaps) {
                keep.add(r);
            }
        }
        List<ChainMsa> out = new ArrayList<>();
        for (ChainMsa chain : paired) {
            out.add(chain.select(keep));
        }
        return out;
    }
}
