package org.foldbatch.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.foldbatch.FoldbatchException;
import org.foldbatch.input.Chain;
import org.foldbatch.input.FoldInput;
import org.foldbatch.input.FoldInputWriter;
import org.foldbatch.input.ProteinChain;
import org.foldbatch.input.RnaChain;
import org.foldbatch.input.Template;
import org.foldbatch.msa.ChainMsaSearch;
import org.foldbatch.msa.ChainMsas;
import org.foldbatch.msa.MoleculeType;
import org.foldbatch.msa.Msa;
import org.foldbatch.msa.SearchRequest;
import org.foldbatch.msa.SearchResult;

/**
 * Fills each chain with its pipeline results, as AlphaFold 3's data pipeline does, and writes
 * {@code <name>_data.json} through a temporary file and an atomic rename: a kill leaves the old file or the new one.
 */
final class DataJsonWriter {

    private DataJsonWriter() {
    }

    static FoldInput withPipelineResults(FoldInput input, ChainMsaSearch search,
            Function<SearchRequest, SearchResult> cachedSearches, Function<ProteinChain, List<Template>> templates) {
        List<Chain> chains = new ArrayList<>();
        for (Chain chain : input.chains()) {
            if (chain instanceof ProteinChain p) {
                String seq = p.oneLetterSequence();
                if (p.unpairedMsa() == null && p.pairedMsa() == null) {
                    ChainMsas msas = search.search(seq, MoleculeType.PROTEIN, cachedSearches);
                    chains.add(p.withPipelineResults(msas.unpairedA3m(), msas.pairedA3m(), templatesOf(p, templates)));
                } else {
                    chains.add(p.withPipelineResults(normalised(seq, MoleculeType.PROTEIN, p.unpairedMsa()),
                            normalised(seq, MoleculeType.PROTEIN, p.pairedMsa()), templatesOf(p, templates)));
                }
            } else if (chain instanceof RnaChain r) {
                String seq = r.oneLetterSequence();
                String msa = r.unpairedMsa() == null
                        ? search.search(seq, MoleculeType.RNA, cachedSearches).unpairedA3m()
                        : normalised(seq, MoleculeType.RNA, r.unpairedMsa());
                chains.add(r.withPipelineResults(msa));
            } else {
                chains.add(chain);
            }
        }
        return input.withChains(chains);
    }

    private static List<Template> templatesOf(ProteinChain p, Function<ProteinChain, List<Template>> searched) {
        return p.templates() != null ? p.templates() : searched.apply(p);
    }

    /** A given MSA goes through AlphaFold 3's Msa object: "" becomes the query-only alignment. */
    private static String normalised(String sequence, MoleculeType type, String a3m) {
        return Msa.fromA3m(sequence, type, a3m == null ? "" : a3m, false).toA3m();
    }

    static Path write(FoldInput completed, Path dir) {
        String name = completed.sanitisedName();
        Path target = dir.resolve(name + "_data.json");
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + name + "_data.json.", ".tmp");
            try {
                Files.writeString(tmp, FoldInputWriter.toJson(completed), StandardCharsets.UTF_8);
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new FoldbatchException(target + ": cannot write: " + e.getMessage(), e);
        }
        return target;
    }

}
