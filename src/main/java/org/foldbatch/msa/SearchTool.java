package org.foldbatch.msa;

/** The HMMER program a gene search runs. */
public enum SearchTool {
    JACKHMMER("jackhmmer"),
    NHMMER("nhmmer");

    private final String binaryName;

    SearchTool(String binaryName) {
        this.binaryName = binaryName;
    }

    public String binaryName() {
        return binaryName;
    }
}
