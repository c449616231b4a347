package org.foldbatch.batch.campaign;

import org.foldbatch.input.FoldInput;

/** One fold of a campaign: its name within the campaign and the complete fold input. */
public record Candidate(String name, FoldInput input) {
}
