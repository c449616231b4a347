package org.foldbatch.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.foldbatch.msa.A3m;
import org.foldbatch.msa.FastaRecord;
import org.foldbatch.msa.HmmerBinaries;
import org.foldbatch.msa.Stockholm;
import org.foldbatch.msa.ToolRun;
import org.foldbatch.msa.ToolRunner;
import org.foldbatch.structure.MmcifStructure;

/**
 * AF3's protein template search: hmmbuild on the unpaired MSA, hmmsearch against PDB seqres, then AF3's hit filters
 * in hmmsearch order until {@code maxHits} survive. Each kept hit carries its chain's mmCIF and residue mapping.
 */
public final class TemplateSearch {

    static final List<String> HMMSEARCH_FLAGS = List.of("--F1", "0.1", "--F2", "0.1", "--F3", "0.1", "-E", "100",
            "--incE", "100", "--domE", "100", "--incdomE", "100");

    private static final System.Logger LOG = System.getLogger(TemplateSearch.class.getName());
    private static final Pattern HIT_DESCRIPTION = Pattern.compile(
            "(?<pdbId>[a-z0-9]{4,})_(?<chain>\\w+)/(?<start>\\d+)-(?<end>\\d+) .* length:(?<length>\\d+)\\b.*",
            Pattern.UNICODE_CHARACTER_CLASS | Pattern.DOTALL);

    /** A hit that was not kept, and why. */
    public record Skipped(String hit, String reason) {
    }

    /** Told what part of the search runs now (a tool, or the hit filters), so a caller can show it while it lasts. */
    public interface Watch {
        Watch NONE = what -> {
        };

        void running(String what);
    }

    /**
     * @param hitsFound   hmmsearch hits before AF3's filters
     * @param cpuSeconds  user + system seconds of hmmbuild and hmmsearch together
     * @param wallSeconds wall-clock seconds of hmmbuild and hmmsearch together
     */
    public record Result(List<TemplateHit> hits, List<Skipped> skipped, int hitsFound, double cpuSeconds,
                         double wallSeconds) {

        public Result {
            hits = List.copyOf(hits);
            skipped = List.copyOf(skipped);
        }

        Result withCosts(List<ToolRun> runs) {
            return new Result(hits, skipped, hitsFound, runs.stream().mapToDouble(ToolRun::cpuSeconds).sum(),
                    runs.stream().mapToDouble(ToolRun::wallSeconds).sum());
        }
    }

    private final TemplateSearchConfig config;
    private final ToolRunner runner;

    public TemplateSearch(TemplateSearchConfig config) {
        this(config, new ToolRunner());
    }

    public TemplateSearch(TemplateSearchConfig config, ToolRunner runner) {
        this.config = config;
        this.runner = runner;
    }

    public List<TemplateHit> search(String querySequence, String unpairedA3m) {
        return searchWithReport(querySequence, unpairedA3m).hits();
    }

    /** Runs the search; a blank {@code unpairedA3m} means a query-only profile. */
    public Result searchWithReport(String querySequence, String unpairedA3m) {
        return searchWithReport(querySequence, unpairedA3m, Watch.NONE);
    }

    /** As {@link #searchWithReport(String, String)}, telling {@code watch} as each part starts. */
    public Result searchWithReport(String querySequence, String unpairedA3m, Watch watch) {
        if (querySequence == null || querySequence.isBlank()) {
            throw new IllegalArgumentException("Template search needs a non-empty query sequence");
        }
        var a3m = unpairedA3m == null || unpairedA3m.isBlank() ? ">query\n" + querySequence + "\n" : unpairedA3m;
        requireDatabases();
        var bin = HmmerBinaries.locate(config.hmmerBinDir());
        Path work = null;
        try {
            work = config.scratchDir() == null ? Files.createTempDirectory("foldbatch-templates-")
                    : Files.createTempDirectory(config.scratchDir(), "templates-");
            var msa = work.resolve("query.msa");
            var hmm = work.resolve("query.hmm");
            var sto = work.resolve("output.sto");
            Files.writeString(msa, Stockholm.fromA3m(a3m), StandardCharsets.UTF_8);
            watch.running("hmmbuild");
            var build = runner.run(List.of(bin.hmmbuild().toString(), "--informat", "stockholm", "--hand", "--amino",
                    hmm.toString(), msa.toString()), work, config.timeout());
            var command = new ArrayList<>(List.of(bin.hmmsearch().toString(), "--noali", "--cpu",
                    Integer.toString(config.hmmsearchCpus())));
            command.addAll(HMMSEARCH_FLAGS);
            command.addAll(List.of("-A", sto.toString(), hmm.toString(), config.seqresFasta().toAbsolutePath().toString()));
            watch.running("hmmsearch " + config.seqresFasta().getFileName());
            var search = runner.run("hmmsearch (" + config.seqresFasta().getFileName() + ")", command, work,
                    config.timeout());
            List<FastaRecord> hits = parseHits(sto);
            watch.running("hit filters over " + hits.size() + " hits");
            return selectHits(querySequence, hits).withCosts(List.of(build, search));
        } catch (IOException e) {
            throw new UncheckedIOException("Template search I/O failed: " + e.getMessage(), e);
        } finally {
            deleteQuietly(work);
        }
    }

    /** hmmsearch's hits as AF3 reads them: its Stockholm as A3M without first-row gap removal, wrapped at 60. */
    static List<FastaRecord> parseHits(Path stockholm) {
        return Files.exists(stockholm) ? A3m.parse(Stockholm.toA3m(stockholm, 0, false, 60)) : List.of();
    }

    private void requireDatabases() {
        if (!Files.isRegularFile(config.seqresFasta())) {
            throw new TemplateSearchException("PDB seqres database " + config.seqresFasta()
                    + ": not found or not a file; set the template seqres path");
        }
        if (!Files.isDirectory(config.mmcifDir())) {
            throw new TemplateSearchException("PDB mmCIF directory " + config.mmcifDir()
                    + ": not found or not a directory; set the template mmCIF directory");
        }
    }

    /**
     * AF3's hit filtering, applied to hmmsearch hits (A3M records, description {@code name DE-text}) in their output
     * order; the result has no tool costs.
     */
    public Result selectHits(String querySequence, List<FastaRecord> hits) {
        var kept = new ArrayList<TemplateHit>();
        var skipped = new ArrayList<Skipped>();
        var seenTemplateSequences = new HashSet<String>();
        var structures = new HashMap<String, Optional<MmcifStructure>>();
        for (var hit : hits) {
            if (config.maxHits() > 0 && kept.size() >= config.maxHits()) {
                break;
            }
            var m = HIT_DESCRIPTION.matcher(hit.description());
            if (!m.matches()) {
                throw new TemplateSearchException("Could not parse hmmsearch hit description \"" + hit.description()
                        + "\"");
            }
            var pdbId = m.group("pdbId");
            var authChain = m.group("chain");
            int start = Integer.parseInt(m.group("start"));
            int end = Integer.parseInt(m.group("end"));
            int fullLength = Integer.parseInt(m.group("length"));
            var name = pdbId + "_" + authChain + "/" + start + "-" + end;
            var structure = structures.computeIfAbsent(pdbId, this::loadStructure);
            if (structure.isEmpty()) {
                LOG.log(System.Logger.Level.WARNING, "Failed to get mmCIF for {0} (author chain {1}) in {2}", pdbId,
                        authChain, config.mmcifDir());
                skipped.add(new Skipped(name, "no mmCIF for " + pdbId + " in " + config.mmcifDir()));
                continue;
            }
            var chain = structure.get().polymerChainByAuthId(authChain);
            if (chain.isEmpty()) {
                skip(skipped, name, pdbId + " has no polymer chain with author ID " + authChain);
                continue;
            }
            var matching = HitMapping.matchingSequence(hit.sequence());
            if (matching.length() != end - start + 1) {
                throw new TemplateSearchException("hmmsearch hit " + name + " has " + matching.length()
                        + " residues, expected end - start + 1 = " + (end - start + 1));
            }
            var releaseDate = structure.get().releaseDate();
            if (releaseDate == null) {
                skip(skipped, name, pdbId + " has no _pdbx_audit_revision_history.revision_date");
                continue;
            }
            if (releaseDate.isAfter(config.maxTemplateDate())) {
                skip(skipped, name, "released " + releaseDate + ", after max template date " + config.maxTemplateDate());
                continue;
            }
            double lengthRatio = (double) matching.length() / querySequence.length();
            if (lengthRatio > TemplateSearchConfig.MAX_SUBSEQUENCE_RATIO && querySequence.contains(matching)) {
                skip(skipped, name, "near-identical subsequence of the query (length ratio " + lengthRatio + ")");
                continue;
            }
            if (matching.length() < TemplateSearchConfig.MIN_HIT_LENGTH) {
                skip(skipped, name, "hit shorter than " + TemplateSearchConfig.MIN_HIT_LENGTH + " residues");
                continue;
            }
            var structureSequence = chain.get().singleLetterSequence();
            Map<Integer, Integer> mapping;
            try {
                mapping = HitMapping.toStructure(hit.sequence(), structureSequence, start - 1, end, fullLength);
            } catch (HitMapping.AlignmentException e) {
                skip(skipped, name, "cannot realign to the structure sequence: " + e.getMessage());
                continue;
            }
            var unresolved = new HashSet<Integer>();
            chain.get().unresolvedSeqIds().forEach(id -> unresolved.add(id - 1));
            if (mapping.values().stream().allMatch(unresolved::contains)) {
                skip(skipped, name, "no aligned template residue is resolved");
                continue;
            }
            if ((double) mapping.size() / querySequence.length() <= TemplateSearchConfig.MIN_ALIGN_RATIO) {
                skip(skipped, name, "only " + mapping.size() + " aligned residues for a query of "
                        + querySequence.length());
                continue;
            }
            var templateSequence = outputSequence(querySequence.length(), mapping, structureSequence);
            if (!seenTemplateSequences.add(templateSequence)) {
                skip(skipped, name, "duplicate of an already kept template");
                continue;
            }
            var mmcif = structure.get().filterToChain(chain.get().labelId()).toMmcif();
            kept.add(new TemplateHit(pdbId, authChain, start, end, mmcif, List.copyOf(mapping.keySet()),
                    List.copyOf(mapping.values()), releaseDate, hit.sequence()));
        }
        return new Result(kept, skipped, hits.size(), 0, 0);
    }

    private static String outputSequence(int queryLength, Map<Integer, Integer> mapping, String structureSequence) {
        var out = new StringBuilder("-".repeat(queryLength));
        mapping.forEach((q, t) -> out.setCharAt(q, structureSequence.charAt(t)));
        return out.toString();
    }

    private Optional<MmcifStructure> loadStructure(String pdbId) {
        for (var name : List.of(pdbId + ".cif", pdbId + ".cif.gz", pdbId + ".bcif", pdbId + ".bcif.gz")) {
            var file = config.mmcifDir().resolve(name);
            if (Files.isRegularFile(file)) {
                return Optional.of(MmcifStructure.read(file, MmcifStructure.Options.TEMPLATE));
            }
        }
        return Optional.empty();
    }

    private static void skip(List<Skipped> skipped, String hit, String reason) {
        LOG.log(System.Logger.Level.INFO, "Template hit {0} skipped: {1}", hit, reason);
        skipped.add(new Skipped(hit, reason));
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Cannot delete temporary directory {0}: {1}", dir, e.getMessage());
        }
    }
}
