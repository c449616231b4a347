/**
 * mmCIF in and out. {@link org.foldbatch.structure.CifReader} reads CIF/BinaryCIF (gzip too) with ciftools-java
 * into a {@link org.foldbatch.structure.CifBlock}; {@link org.foldbatch.structure.MmcifWriter} writes a block in
 * AF3's layout; {@link org.foldbatch.structure.MmcifStructure} is the chain/residue/atom view used for templates.
 *
 * <p>Known gaps against AF3: one-letter codes come from a fixed table (standard residues, MSE, SEC, PYL), not
 * from the CCD, so other modified residues read as X.
 */
package org.foldbatch.structure;
