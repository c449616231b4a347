/**
 * Protein template search as AlphaFold 3 runs it (hmmbuild {@code --hand} on the unpaired MSA, hmmsearch against
 * PDB seqres, AF3's hit filters and realignment), plus validation of user-supplied templates.
 *
 * <p>Deliberate differences from AF3, all on inputs where AF3 itself aborts the whole search: a hit whose author
 * chain is missing from its mmCIF, whose mmCIF has no release date, or whose realignment fails is skipped with a
 * logged reason instead. A missing mmCIF is skipped, as in AF3.
 */
package org.foldbatch.template;
