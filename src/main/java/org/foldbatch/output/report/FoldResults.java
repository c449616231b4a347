package org.foldbatch.output.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.foldbatch.FoldbatchException;
import org.foldbatch.input.Chain;
import org.foldbatch.input.DnaChain;
import org.foldbatch.input.FoldInput;
import org.foldbatch.input.FoldInputLoader;
import org.foldbatch.input.ProteinChain;
import org.foldbatch.input.RnaChain;
import org.foldbatch.input.Template;
import org.foldbatch.output.OutputLayout;
import org.foldbatch.structure.CifBlock;
import org.foldbatch.structure.CifCategory;
import org.foldbatch.structure.CifReader;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a fold report shows, read back from a finished job directory only (so {@code foldbatch view DIR} works on
 * outputs written before the page existed, or by another machine): the ranking CSV, each sample's summary and full
 * confidences and model, and {@code _data.json} for the chains' MSAs and templates.
 *
 * @param samples best first (ranking score descending; ties in the CSV's order)
 */
public record FoldResults(String name, List<ChainInfo> chains, List<Sample> samples) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One sample's scores, PAE, per-residue pLDDT and model. */
    public record Sample(long seed, int sample, double rankingScore, double ptm, Double iptm, boolean hasClash,
                         double fractionDisordered, List<String> tokenChainIds, float[][] pae,
                         List<ResiduePlddt> residuePlddt, String modelCif) {

        public String key() {
            return seed + "_" + sample;
        }
    }

    /** Mean pLDDT of one residue's atoms; {@code polymer} false for ligand and ion residues. */
    public record ResiduePlddt(String chainId, String seqId, boolean polymer, double plddt) {
    }

    /** One input chain: kind, length, its MSA (depth and per-position coverage) and templates. */
    public record ChainInfo(String id, String kind, int length, int unpairedDepth, int pairedDepth,
                            int[] coverage, List<TemplateInfo> templates) {
    }

    /** A template: its mmCIF data block name and the query residues it covers. */
    public record TemplateInfo(String entry, int alignedResidues, int firstQueryResidue, int lastQueryResidue) {
    }

    /** Reads the finished fold in {@code jobDir}; one-line errors naming the missing or malformed file. */
    public static FoldResults read(Path jobDir) {
        String name = jobDir.toAbsolutePath().normalize().getFileName().toString();
        OutputLayout layout = OutputLayout.of(jobDir.toAbsolutePath().normalize().getParent(), name);
        Path csv = layout.rankingScores();
        if (!Files.isRegularFile(csv)) {
            throw new FoldbatchException(csv + ": missing; not a finished fold directory (inference writes it)");
        }
        if (!Files.isRegularFile(layout.dataJson())) {
            throw new FoldbatchException(layout.dataJson() + ": missing; not a fold directory");
        }
        FoldInput input = new FoldInputLoader().load(layout.dataJson()).get(0);
        List<Sample> samples = new ArrayList<>();
        List<String> lines = lines(csv);
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] f = lines.get(i).split(",");
            if (f.length != 3) {
                throw new FoldbatchException(csv + ": line " + (i + 1) + ": expected seed,sample,ranking_score");
            }
            try {
                samples.add(sample(layout, Long.parseLong(f[0].trim()), Integer.parseInt(f[1].trim())));
            } catch (NumberFormatException e) {
                throw new FoldbatchException(csv + ": line " + (i + 1) + ": " + e.getMessage());
            }
        }
        if (samples.isEmpty()) {
            throw new FoldbatchException(csv + ": no samples");
        }
        // Stable sort: equal scores keep the CSV's order, as AlphaFold 3's top-ranked choice does.
        samples.sort(Comparator.comparingDouble(Sample::rankingScore).reversed());
        return new FoldResults(name, input.chains().stream().map(FoldResults::chain).toList(), List.copyOf(samples));
    }

    /** Tokens per chain in token order (the PAE matrix's chain blocks). */
    public static List<ChainSpan> spans(List<String> tokenChainIds) {
        List<ChainSpan> spans = new ArrayList<>();
        int start = 0;
        for (int t = 1; t <= tokenChainIds.size(); t++) {
            if (t == tokenChainIds.size() || !tokenChainIds.get(t).equals(tokenChainIds.get(start))) {
                spans.add(new ChainSpan(tokenChainIds.get(start), start, t));
                start = t;
            }
        }
        return spans;
    }

    /** Tokens {@code [start, end)} of chain {@code id}. */
    public record ChainSpan(String id, int start, int end) {
    }

    private static Sample sample(OutputLayout layout, long seed, int k) {
        Path summaryFile = layout.sampleSummaryConfidences(seed, k);
        JsonNode summary = json(summaryFile);
        Path confidencesFile = layout.sampleConfidences(seed, k);
        JsonNode confidences = json(confidencesFile);
        Path cif = layout.sampleModelCif(seed, k);
        String modelCif = text(cif);
        List<String> tokenChains = new ArrayList<>();
        confidences.path("token_chain_ids").forEach(n -> tokenChains.add(n.asString()));
        JsonNode paeNode = confidences.path("pae");
        if (!paeNode.isArray() || paeNode.size() != tokenChains.size()) {
            throw new FoldbatchException(confidencesFile + ": pae: expected " + tokenChains.size() + " rows");
        }
        float[][] pae = new float[tokenChains.size()][];
        for (int i = 0; i < pae.length; i++) {
            JsonNode row = paeNode.get(i);
            if (row.size() != pae.length) {
                throw new FoldbatchException(confidencesFile + ": pae[" + i + "]: expected " + pae.length + " values");
            }
            pae[i] = new float[pae.length];
            for (int j = 0; j < pae.length; j++) {
                pae[i][j] = row.get(j).isNull() ? Float.NaN : (float) row.get(j).asDouble();
            }
        }
        JsonNode iptm = summary.path("iptm");
        return new Sample(seed, k, number(summary, "ranking_score", summaryFile), number(summary, "ptm", summaryFile),
                iptm.isNumber() ? iptm.asDouble() : null, summary.path("has_clash").asDouble() > 0,
                number(summary, "fraction_disordered", summaryFile), List.copyOf(tokenChains), pae,
                residuePlddt(CifReader.read(modelCif, cif.toString()), cif), modelCif);
    }

    /**
     * Mean B-factor (AlphaFold 3 writes each atom's pLDDT there) of each residue: consecutive {@code _atom_site}
     * rows with the same chain and {@code auth_seq_id}. Read from the atoms rather than {@code _ma_qa_metric_local},
     * which AlphaFold 3 3.0.0's own files lack.
     */
    private static List<ResiduePlddt> residuePlddt(CifBlock block, Path cif) {
        CifCategory atoms = block.category("_atom_site").orElseThrow(
                () -> new FoldbatchException(cif + ": _atom_site: missing"));
        for (String column : List.of("label_asym_id", "label_seq_id", "auth_seq_id", "B_iso_or_equiv")) {
            if (atoms.column(column).isEmpty()) {
                throw new FoldbatchException(cif + ": _atom_site." + column + ": missing");
            }
        }
        List<ResiduePlddt> out = new ArrayList<>();
        int rows = atoms.rowCount();
        int start = 0;
        while (start < rows) {
            String chain = atoms.value("label_asym_id", start);
            String residue = atoms.value("auth_seq_id", start);
            int end = start;
            double sum = 0;
            while (end < rows && atoms.value("label_asym_id", end).equals(chain)
                    && atoms.value("auth_seq_id", end).equals(residue)) {
                try {
                    sum += Double.parseDouble(atoms.value("B_iso_or_equiv", end));
                } catch (NumberFormatException e) {
                    throw new FoldbatchException(cif + ": _atom_site.B_iso_or_equiv row " + (end + 1)
                            + ": not a number");
                }
                end++;
            }
            String seqId = atoms.value("label_seq_id", start);
            out.add(new ResiduePlddt(chain, seqId, !".".equals(seqId), sum / (end - start)));
            start = end;
        }
        return List.copyOf(out);
    }

    private static ChainInfo chain(Chain chain) {
        if (chain instanceof ProteinChain p) {
            return new ChainInfo(p.id(), "protein", p.length(), unpairedDepth(p.unpairedMsa()), depth(p.pairedMsa()),
                    coverage(p.unpairedMsa(), p.length()),
                    p.templates() == null ? List.of() : p.templates().stream().map(FoldResults::template).toList());
        }
        if (chain instanceof RnaChain r) {
            return new ChainInfo(r.id(), "RNA", r.length(), unpairedDepth(r.unpairedMsa()), 0,
                    coverage(r.unpairedMsa(), r.length()), List.of());
        }
        return new ChainInfo(chain.id(), chain instanceof DnaChain ? "DNA" : "ligand", chain.length(), 0, 0,
                new int[0], List.of());
    }

    /** Sequences in an A3M (its {@code >} lines). */
    static int depth(String a3m) {
        if (a3m == null) {
            return 0;
        }
        return (int) a3m.lines().filter(l -> l.startsWith(">")).count();
    }

    /** Unpaired rows the network sees: an empty MSA is featurised as the query alone. */
    static int unpairedDepth(String a3m) {
        return Math.max(1, depth(a3m));
    }

    /**
     * Per query position, how many MSA rows (query included) have a residue there. A3M: upper-case letters and
     * {@code -} are match columns, lower-case letters and {@code .} are insertions outside the query's columns.
     */
    static int[] coverage(String a3m, int length) {
        int[] cover = new int[length];
        if (a3m == null || a3m.isBlank()) {
            Arrays.fill(cover, 1); // the query alone
            return cover;
        }
        StringBuilder row = new StringBuilder();
        for (String line : (a3m + "\n>").lines().toList()) {
            if (line.startsWith(">")) {
                int column = 0;
                for (int i = 0; i < row.length() && column < length; i++) {
                    char c = row.charAt(i);
                    if (Character.isLowerCase(c) || c == '.') {
                        continue;
                    }
                    if (c != '-') {
                        cover[column]++;
                    }
                    column++;
                }
                row.setLength(0);
            } else {
                row.append(line.strip());
            }
        }
        return cover;
    }

    private static TemplateInfo template(Template t) {
        String first = t.mmcif().lines().findFirst().orElse("");
        String entry = first.startsWith("data_") ? first.substring(5).strip() : "?";
        int lo = t.queryIndices().stream().mapToInt(Integer::intValue).min().orElse(-1);
        int hi = t.queryIndices().stream().mapToInt(Integer::intValue).max().orElse(-1);
        return new TemplateInfo(entry, t.queryIndices().size(), lo + 1, hi + 1);
    }

    private static double number(JsonNode node, String field, Path file) {
        JsonNode v = node.path(field);
        if (!v.isNumber()) {
            throw new FoldbatchException(file + ": " + field + ": missing or not a number");
        }
        return v.asDouble();
    }

    private static JsonNode json(Path file) {
        try {
            return JSON.readTree(text(file));
        } catch (JacksonException e) {
            throw new FoldbatchException(file + ": not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static String text(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new FoldbatchException(file + ": missing");
        }
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<String> lines(Path file) {
        return text(file).lines().toList();
    }
}
