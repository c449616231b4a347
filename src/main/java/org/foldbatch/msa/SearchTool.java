package org.foldbatch.msa;

/** The program a gene search runs: HMMER's jackhmmer or nhmmer (AlphaFold 3's), or MMseqs2 (opt-in, proteins). */
public enum SearchTool {
    JACKHMMER("jackhmmer", "jackhmmer"),
    NHMMER("nhmmer", "nhmmer"),
    MMSEQS2("mmseqs2", "mmseqs");

    private final String engineName;
    private final String binaryName;

    SearchTool(String engineName, String binaryName) {
        this.engineName = engineName;
        this.binaryName = binaryName;
    }

    /**
     * The name in settings, cache keys, logs, result records and reports; for HMMER the program's name, so that
     * jackhmmer and nhmmer cache keys and records read as they always did.
     */
    public String engineName() {
        return engineName;
    }

    /** The executable's file name. */
    public String binaryName() {
        return binaryName;
    }

    /** The engine of a {@code foldbatch.search.engine.<db>} setting, e.g. {@code mmseqs2}. */
    public static SearchTool ofEngine(String name) {
        for (SearchTool tool : values()) {
            if (tool.engineName.equals(name)) {
                return tool;
            }
        }
        throw new IllegalArgumentException("unknown search engine '" + name + "' (jackhmmer, nhmmer or mmseqs2)");
    }
}
