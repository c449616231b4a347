package org.foldbatch.template;

import java.util.Locale;

/** The files of a template search, with AlphaFold 3's production names used when the settings do not name them. */
public enum TemplateDatabase {

    PDB_SEQRES("pdb_seqres_2022_09_28.fasta"),
    PDB_MMCIF_DIR("mmcif_files");

    private final String defaultFile;

    TemplateDatabase(String defaultFile) {
        this.defaultFile = defaultFile;
    }

    /** The name in settings and tool-run records: the constant in lower case. */
    public String role() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String defaultFile() {
        return defaultFile;
    }
}
