package org.foldbatch.output;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.foldbatch.structure.CifBlock;
import org.foldbatch.structure.CifCategory;
import org.foldbatch.structure.CifTokens;
import org.foldbatch.structure.MmcifStructure;
import org.foldbatch.structure.MmcifWriter;

/**
 * The predicted model as mmCIF in AF3's layout: the structure tables of {@link MmcifStructure} (each chain its own
 * entity, label and auth IDs equal to the input chain ID, label_seq_id {@code .} for non-polymers, HETATM for
 * non-standard residues and ligands, 3-decimal coordinates, pLDDT as 2-decimal B-factor), {@code _chem_comp},
 * {@code _struct_conn} for bonds, and ModelCIF metadata with pLDDT QA metrics. The licence, author and software
 * text is Foldbatch's own; AF3's legal header and terms are not reproduced.
 */
public final class ModelCif {

    /** Software and provenance strings written into the metadata categories. */
    public record Metadata(String softwareVersion, String modelName, String timestamp) {
        public static Metadata of(String softwareVersion, String timestamp) {
            return new Metadata(softwareVersion, "Top ranked model", timestamp);
        }
    }

    static final String DISCLAIMER = "Predicted by Foldbatch, an independent reimplementation of the AlphaFold 3 "
            + "inference pipeline. Computational\nprediction only; not validated for any clinical or diagnostic use.";

    private ModelCif() {
    }

    public static String write(StructureLayout layout, SampleResult sample, Metadata metadata) {
        return MmcifWriter.write(block(layout, sample, metadata));
    }

    public static CifBlock block(StructureLayout layout, SampleResult sample, Metadata metadata) {
        sample.checkFits(layout);
        var structure = structure(layout, sample);
        var block = structure.toCifBlock();
        for (var category : chemComp(layout)) {
            block = block.with(category);
        }
        for (var category : structConn(layout)) {
            block = block.with(category);
        }
        for (var category : metadata(layout, block, metadata)) {
            block = block.with(category);
        }
        return block;
    }

    private static MmcifStructure structure(StructureLayout layout, SampleResult sample) {
        Map<Integer, Map<Integer, List<MmcifStructure.Atom>>> atoms = new HashMap<>();
        for (int a = 0; a < layout.numAtoms(); a++) {
            var atom = layout.atoms().get(a);
            float[] p = sample.atomPositions()[a];
            atoms.computeIfAbsent(atom.chain(), k -> new HashMap<>())
                    .computeIfAbsent(atom.residueId(), k -> new ArrayList<>())
                    .add(new MmcifStructure.Atom(atom.name(), atom.element(), p[0], p[1], p[2], 1.0,
                            sample.atomPlddt()[a]));
        }
        var chains = new ArrayList<MmcifStructure.Chain>();
        for (int c = 0; c < layout.chains().size(); c++) {
            var chain = layout.chains().get(c);
            var residues = new ArrayList<MmcifStructure.Residue>();
            for (var r : chain.residues()) {
                var residueAtoms = atoms.getOrDefault(c, Map.of()).getOrDefault(r.id(), List.of());
                residues.add(new MmcifStructure.Residue(r.id(), r.name(), Integer.toString(r.id()), ".", residueAtoms));
            }
            String type = chain.type().polymer() ? chain.type().entityPolyType()
                    : residues.size() > 1 ? "branched" : "non-polymer";
            chains.add(new MmcifStructure.Chain(chain.id(), chain.id(), Integer.toString(c + 1), ".", type,
                    chain.type().polymer(), residues));
        }
        return new MmcifStructure(layout.name(), null, null, List.of(), chains, List.of());
    }

    private static List<CifCategory> chemComp(StructureLayout layout) {
        var byId = new TreeMap<String, StructureLayout.ChemComp>();
        for (var cc : layout.chemComps()) {
            byId.put(cc.id(), cc);
        }
        for (var chain : layout.chains()) {
            for (var r : chain.residues()) {
                byId.computeIfAbsent(r.name(), id -> StructureLayout.ChemComp.minimal(id,
                        chain.type() == ChainKind.PROTEIN && id.equals("GLY") ? "PEPTIDE LINKING"
                                : chain.type().defaultChemCompType()));
            }
        }
        var b = CifCategory.builder("_chem_comp");
        for (var cc : byId.values()) {
            b.add("formula", cc.formula()).add("formula_weight", cc.formulaWeight()).add("id", cc.id())
                    .add("mon_nstd_flag", cc.monNstdFlag()).add("name", cc.name()).add("pdbx_smiles", cc.smiles())
                    .add("pdbx_synonyms", cc.synonyms()).add("type", cc.type());
        }
        return List.of(b.build());
    }

    private static List<CifCategory> structConn(StructureLayout layout) {
        if (layout.bonds().isEmpty()) {
            return List.of();
        }
        var b = CifCategory.builder("_struct_conn");
        int n = 0;
        for (var bond : layout.bonds()) {
            b.add("id", "covale" + (++n)).add("conn_type_id", "covale").add("pdbx_role", "?");
            partner(b, layout, bond.atom1(), "1");
            partner(b, layout, bond.atom2(), "2");
            b.add("pdbx_value_order", "?");
        }
        var type = CifCategory.builder("_struct_conn_type").add("id", "covale").add("criteria", "?")
                .add("reference", "?");
        return List.of(b.build(), type.build());
    }

    private static void partner(CifCategory.Builder b, StructureLayout layout, int atomIndex, String k) {
        var atom = layout.atoms().get(atomIndex);
        var chain = layout.chains().get(atom.chain());
        String seq = Integer.toString(atom.residueId());
        b.add("ptnr" + k + "_label_asym_id", chain.id())
                .add("ptnr" + k + "_label_comp_id", layout.residueName(atom.chain(), atom.residueId()))
                .add("ptnr" + k + "_label_seq_id", chain.type().polymer() ? seq : ".")
                .add("ptnr" + k + "_label_atom_id", atom.name())
                .add("ptnr" + k + "_auth_asym_id", chain.id())
                .add("ptnr" + k + "_auth_seq_id", seq)
                .add("pdbx_ptnr" + k + "_PDB_ins_code", "?")
                .add("pdbx_ptnr" + k + "_label_alt_id", "?")
                .add("ptnr" + k + "_symmetry", "1_555");
    }

    private static List<CifCategory> metadata(StructureLayout layout, CifBlock block, Metadata metadata) {
        var out = new ArrayList<CifCategory>();
        out.add(CifCategory.builder("_audit_conform").add("dict_name", "mmcif_ma.dic").add("dict_version", "1.4.5")
                .add("dict_location", "https://raw.githubusercontent.com/ihmwg/ModelCIF/master/dist/mmcif_ma.dic")
                .build());
        out.add(CifCategory.builder("_pdbx_data_usage").add("id", "1").add("type", "disclaimer")
                .add("details", DISCLAIMER).add("url", "?").build());
        out.add(CifCategory.builder("_audit_author").add("name", "Foldbatch").add("pdbx_ordinal", "1").build());
        out.add(CifCategory.builder("_citation").add("id", "primary")
                .add("title", "Accurate structure prediction of biomolecular interactions with AlphaFold 3")
                .add("journal_full", "Nature").add("journal_volume", "630").add("page_first", "493")
                .add("page_last", "500").add("year", "2024").add("journal_id_ASTM", "NATUAS").add("country", "UK")
                .add("journal_id_ISSN", "0028-0836").add("journal_id_CSD", "0006").add("book_publisher", "?")
                .add("pdbx_database_id_PubMed", "38718835")
                .add("pdbx_database_id_DOI", "10.1038/s41586-024-07487-w").build());
        out.add(CifCategory.builder("_citation_author").add("citation_id", "primary").add("name", "Google DeepMind")
                .add("ordinal", "1").add("citation_id", "primary").add("name", "Isomorphic Labs").add("ordinal", "2")
                .build());
        out.add(CifCategory.builder("_ma_data").add("id", "1").add("name", "Model")
                .add("content_type", "model coordinates").build());
        var structAsym = block.category("_struct_asym").orElseThrow();
        var instance = CifCategory.builder("_ma_target_entity_instance");
        var entity = CifCategory.builder("_ma_target_entity");
        for (int r = 0; r < structAsym.rowCount(); r++) {
            instance.add("asym_id", structAsym.value("id", r)).add("entity_id", structAsym.value("entity_id", r))
                    .add("details", ".");
            entity.add("entity_id", structAsym.value("entity_id", r)).add("data_id", "1").add("origin", ".");
        }
        out.add(instance.build());
        out.add(entity.build());
        out.add(CifCategory.builder("_ma_model_list").add("ordinal_id", "1").add("model_id", "1")
                .add("model_group_id", "1").add("model_name", metadata.modelName())
                .add("model_group_name", "Foldbatch (" + metadata.softwareVersion() + " @ " + metadata.timestamp() + ")")
                .add("data_id", "1").add("model_type", "Ab initio model").build());
        out.add(CifCategory.builder("_software").add("pdbx_ordinal", "1").add("name", "Foldbatch")
                .add("version", metadata.softwareVersion()).add("type", "package")
                .add("description", "Structure prediction").add("classification", "other").add("date", "?").build());
        out.add(CifCategory.builder("_ma_software_group").add("ordinal_id", "1").add("group_id", "1")
                .add("software_id", "1").build());
        out.add(CifCategory.builder("_ma_protocol_step")
                .add("ordinal_id", "1").add("protocol_id", "1").add("step_id", "1").add("method_type", "coevolution MSA")
                .add("ordinal_id", "2").add("protocol_id", "1").add("step_id", "2").add("method_type", "template search")
                .add("ordinal_id", "3").add("protocol_id", "1").add("step_id", "3").add("method_type", "modeling")
                .build());
        out.add(CifCategory.builder("_ma_qa_metric")
                .add("id", "1").add("name", "pLDDT").add("type", "pLDDT").add("mode", "global").add("software_group_id", "1")
                .add("id", "2").add("name", "pLDDT").add("type", "pLDDT").add("mode", "local").add("software_group_id", "1")
                .build());
        var atomSite = block.category("_atom_site").orElseThrow();
        var bFactors = atomSite.column("B_iso_or_equiv").orElseThrow();
        double sum = 0;
        for (var v : bFactors) {
            sum += Double.parseDouble(v);
        }
        out.add(CifCategory.builder("_ma_qa_metric_global").add("ordinal_id", "1").add("model_id", "1")
                .add("metric_id", "1").add("metric_value", CifTokens.fixed(sum / bFactors.size(), 2)).build());
        out.add(localPlddt(atomSite));
        var symbols = new TreeSet<>(atomSite.column("type_symbol").orElseThrow());
        out.add(CifCategory.builder("_atom_type").column("symbol", List.copyOf(symbols)).build());
        return out;
    }

    // Per residue (consecutive atom_site rows with the same chain and auth_seq_id): mean of the written B-factors.
    private static CifCategory localPlddt(CifCategory atomSite) {
        var b = CifCategory.builder("_ma_qa_metric_local");
        int rows = atomSite.rowCount();
        int ordinal = 0;
        int start = 0;
        while (start < rows) {
            int end = start;
            double sum = 0;
            while (end < rows && atomSite.value("label_asym_id", end).equals(atomSite.value("label_asym_id", start))
                    && atomSite.value("auth_seq_id", end).equals(atomSite.value("auth_seq_id", start))) {
                sum += Double.parseDouble(atomSite.value("B_iso_or_equiv", end));
                end++;
            }
            b.add("ordinal_id", Integer.toString(++ordinal)).add("model_id", "1")
                    .add("label_asym_id", atomSite.value("label_asym_id", start))
                    .add("label_seq_id", atomSite.value("label_seq_id", start))
                    .add("label_comp_id", atomSite.value("label_comp_id", start)).add("metric_id", "2")
                    .add("metric_value", CifTokens.fixed(sum / (end - start), 2));
            start = end;
        }
        return b.build();
    }
}
