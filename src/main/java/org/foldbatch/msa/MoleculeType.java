package org.foldbatch.msa;

/** Polymer types that get a gene (MSA) search. DNA and ligands are never searched. */
public enum MoleculeType {
    PROTEIN,
    RNA
}
