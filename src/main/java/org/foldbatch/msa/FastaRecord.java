package org.foldbatch.msa;

import java.util.Objects;

/** One FASTA/A3M record: the header text after {@code >} and the sequence on one line. */
public record FastaRecord(String description, String sequence) {

    public FastaRecord {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(sequence, "sequence");
    }
}
