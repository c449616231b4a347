/**
 * AlphaFold 3's gene (MSA) search with HMMER, reproducing its A3M strings exactly.
 *
 * <p>Entry points: {@link org.foldbatch.msa.GeneSearchPlan} lists a chain's {@link org.foldbatch.msa.SearchRequest}s
 * (each with a cache key), {@link org.foldbatch.msa.GeneSearchExecutor} runs one with jackhmmer, nhmmer or MMseqs2, and
 * {@link org.foldbatch.msa.ChainMsaSearch} runs a chain's requests in parallel through any executor function and
 * merges them into {@link org.foldbatch.msa.ChainMsas}. {@link org.foldbatch.msa.Stockholm} and
 * {@link org.foldbatch.msa.ToolRunner} are shared with the template search.
 */
package org.foldbatch.msa;
