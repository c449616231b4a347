package org.foldbatch.batch;

import java.util.LinkedHashMap;
import java.util.Map;

import org.foldbatch.input.Chain;
import org.foldbatch.input.FoldInput;
import org.foldbatch.input.ProteinChain;
import org.foldbatch.input.RnaChain;
import org.foldbatch.msa.MoleculeType;
import org.foldbatch.util.Hashing;

/**
 * A unique searchable chain of an input: molecule type plus the SHA-256 of the one-letter query sequence. Partitions
 * carry only this key; the sequence is read back from the stored input, so identical chains are searched once.
 */
public record ChainKey(MoleculeType type, String sequenceSha256) {

    public String partitionName() {
        return type.name().toLowerCase() + "-" + sequenceSha256.substring(0, 16);
    }

    /** The chains of {@code input} that need a gene search, one entry per unique sequence, in input order. */
    public static Map<ChainKey, String> searchable(FoldInput input) {
        Map<ChainKey, String> unique = new LinkedHashMap<>();
        for (Chain chain : input.chains()) {
            if (chain instanceof ProteinChain p && p.unpairedMsa() == null && p.pairedMsa() == null) {
                String seq = p.oneLetterSequence();
                unique.putIfAbsent(new ChainKey(MoleculeType.PROTEIN, Hashing.sha256(seq)), seq);
            } else if (chain instanceof RnaChain r && r.unpairedMsa() == null) {
                String seq = r.oneLetterSequence();
                unique.putIfAbsent(new ChainKey(MoleculeType.RNA, Hashing.sha256(seq)), seq);
            }
        }
        return unique;
    }

    /** The protein chains of {@code input} whose templates are to be searched (templates unset), one per sequence. */
    public static Map<ChainKey, ProteinChain> templateSearchable(FoldInput input) {
        Map<ChainKey, ProteinChain> unique = new LinkedHashMap<>();
        for (Chain chain : input.chains()) {
            if (chain instanceof ProteinChain p && p.templates() == null) {
                unique.putIfAbsent(new ChainKey(MoleculeType.PROTEIN, Hashing.sha256(p.oneLetterSequence())), p);
            }
        }
        return unique;
    }
}
