package org.foldbatch.msa;

import java.util.List;

/**
 * The MSAs of one chain as AlphaFold 3 writes them into {@code _data.json}.
 *
 * @param unpairedA3m protein: UniRef90 + small BFD + MGnify, deduplicated; RNA: Rfam + RNAcentral + NT-RNA,
 *                    deduplicated
 * @param pairedA3m   protein: UniProt, not deduplicated; null for RNA
 * @param runs        the searches behind them, in request order
 */
public record ChainMsas(String unpairedA3m, String pairedA3m, List<SearchResult> runs) {

    public ChainMsas {
        runs = List.copyOf(runs);
    }
}
