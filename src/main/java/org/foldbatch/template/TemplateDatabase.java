package org.foldbatch.template;

/** The files of a template search, with AlphaFold 3's production names used when the settings do not name them. */
public enum TemplateDatabase {

    PDB_SEQRES("pdb_seqres", "pdb_seqres_2022_09_28.fasta"),
    PDB_MMCIF_DIR("pdb_mmcif_dir", "mmcif_files");

    private final String role;
    private final String defaultFile;

    TemplateDatabase(String role, String defaultFile) {
        this.role = role;
        this.defaultFile = defaultFile;
    }

    /** The name in settings and tool-run records. */
    public String role() {
        return role;
    }

    public String defaultFile() {
        return defaultFile;
    }
}
