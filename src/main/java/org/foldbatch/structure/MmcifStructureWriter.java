package org.foldbatch.structure;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;

import org.foldbatch.structure.MmcifStructure.Chain;
import org.foldbatch.constants.ResidueNames;

/** Lays out an {@link MmcifStructure} in the categories and value formats of AF3's structure writer. */
final class MmcifStructureWriter {

    static final String SOFTWARE_VERSION = "2.0.0";

    private MmcifStructureWriter() {
    }

    static CifBlock toBlock(MmcifStructure s) {
        var categories = new ArrayList<CifCategory>();
        categories.add(CifCategory.builder("_entry").add("id", s.name()).build());
        if (s.releaseDate() != null) {
            var date = s.releaseDate().format(DateTimeFormatter.ISO_LOCAL_DATE);
            categories.add(CifCategory.builder("_pdbx_audit_revision_history").add("revision_date", date).build());
            categories.add(CifCategory.builder("_pdbx_database_status")
                    .add("recvd_initial_deposition_date", date).build());
        }
        if (s.resolution() != null) {
            categories.add(CifCategory.builder("_refine").add("ls_d_res_high", CifTokens.fixed(s.resolution(), 2))
                    .build());
        }
        if (!s.methods().isEmpty()) {
            categories.add(CifCategory.builder("_exptl").column("method", s.methods()).build());
        }
        for (var carried : s.carriedCategories()) {
            categories.add(carried);
        }
        categories.add(CifCategory.builder("_software").add("pdbx_ordinal", "1")
                .add("name", "DeepMind Structure Class").add("version", SOFTWARE_VERSION)
                .add("classification", "other").build());
        categories.addAll(sequenceTables(s.chains()));
        categories.add(atomSite(s.chains()));
        return new CifBlock(s.name().replace(' ', '-'), categories.stream().filter(c -> c.rowCount() > 0).toList());
    }

    private static List<CifCategory> sequenceTables(List<Chain> chains) {
        var structAsym = CifCategory.builder("_struct_asym");
        var polySeqScheme = CifCategory.builder("_pdbx_poly_seq_scheme");
        var entityPolySeq = CifCategory.builder("_entity_poly_seq");
        var branchScheme = CifCategory.builder("_pdbx_branch_scheme");
        var nonpolyScheme = CifCategory.builder("_pdbx_nonpoly_scheme");
        var entity = CifCategory.builder("_entity");
        var entityPoly = CifCategory.builder("_entity_poly");
        var chainsByEntity = new LinkedHashMap<String, List<Chain>>();
        var writtenPolySeq = new LinkedHashSet<String>();
        for (var chain : chains) {
            structAsym.add("id", chain.labelId()).add("entity_id", chain.entityId());
            chainsByEntity.computeIfAbsent(chain.entityId(), k -> new ArrayList<>()).add(chain);
            boolean water = chain.type().equals("water");
            boolean branched = chain.residues().size() > 1 && !chain.polymer() && !water;
            boolean writePolySeq = !writtenPolySeq.contains(chain.entityId());
            for (var residue : chain.residues()) {
                var seqId = Integer.toString(residue.seqId());
                var insCode = residue.insertionCode().equals("?") ? "." : residue.insertionCode();
                var authSeqNum = residue.resolved() ? residue.authSeqId() : "?";
                if (chain.polymer()) {
                    polySeqScheme.add("asym_id", chain.labelId()).add("entity_id", chain.entityId())
                            .add("seq_id", seqId).add("mon_id", residue.name())
                            .add("pdb_seq_num", residue.authSeqId()).add("auth_seq_num", authSeqNum)
                            .add("pdb_strand_id", chain.authId()).add("pdb_ins_code", insCode).add("hetero", "n");
                    if (writePolySeq) {
                        entityPolySeq.add("entity_id", chain.entityId()).add("num", seqId)
                                .add("mon_id", residue.name()).add("hetero", "n");
                        writtenPolySeq.add(chain.entityId());
                    }
                } else if (branched) {
                    branchScheme.add("asym_id", chain.labelId()).add("entity_id", chain.entityId())
                            .add("mon_id", residue.name()).add("num", seqId).add("pdb_asym_id", chain.authId())
                            .add("pdb_seq_num", residue.authSeqId()).add("auth_asym_id", chain.authId())
                            .add("auth_seq_num", authSeqNum).add("pdb_ins_code", insCode).add("hetero", "n");
                } else {
                    nonpolyScheme.add("asym_id", chain.labelId()).add("entity_id", chain.entityId())
                            .add("mon_id", residue.name()).add("pdb_seq_num", residue.authSeqId())
                            .add("auth_seq_num", authSeqNum).add("pdb_strand_id", chain.authId())
                            .add("pdb_ins_code", insCode);
                }
            }
        }
        for (var e : chainsByEntity.entrySet()) {
            var first = e.getValue().get(0);
            entity.add("id", e.getKey()).add("pdbx_description", first.entityDescription());
            if (first.polymer()) {
                entity.add("type", "polymer");
                entityPoly.add("entity_id", e.getKey()).add("type", first.type()).add("pdbx_strand_id",
                        String.join(",", e.getValue().stream().map(Chain::authId).toList()));
            } else {
                entity.add("type", first.type());
            }
        }
        var out = new ArrayList<CifCategory>();
        for (var builder : List.of(structAsym, polySeqScheme, entityPolySeq, branchScheme, nonpolyScheme, entity,
                entityPoly)) {
            if (!builder.isEmpty()) {
                out.add(builder.build());
            }
        }
        return out;
    }

    private static CifCategory atomSite(List<Chain> chains) {
        var b = CifCategory.builder("_atom_site");
        int id = 0;
        for (var chain : chains) {
            for (var residue : chain.residues()) {
                var group = chain.polymer() && ResidueNames.isStandardPolymerResidue(residue.name()) ? "ATOM" : "HETATM";
                var seqId = chain.polymer() ? Integer.toString(residue.seqId()) : ".";
                var insCode = residue.insertionCode().equals(".") ? "?" : residue.insertionCode();
                for (var atom : residue.atoms()) {
                    b.add("group_PDB", group).add("id", Integer.toString(++id)).add("type_symbol", atom.element())
                            .add("label_atom_id", atom.name()).add("label_alt_id", ".")
                            .add("label_comp_id", residue.name()).add("label_asym_id", chain.labelId())
                            .add("label_entity_id", chain.entityId()).add("label_seq_id", seqId)
                            .add("pdbx_PDB_ins_code", insCode)
                            .add("Cartn_x", CifTokens.fixed(atom.x(), 3)).add("Cartn_y", CifTokens.fixed(atom.y(), 3))
                            .add("Cartn_z", CifTokens.fixed(atom.z(), 3))
                            .add("occupancy", CifTokens.fixed(atom.occupancy(), 2))
                            .add("B_iso_or_equiv", CifTokens.fixed(atom.bFactor(), 2))
                            .add("auth_seq_id", residue.authSeqId()).add("auth_asym_id", chain.authId())
                            .add("pdbx_PDB_model_num", "1");
                }
            }
        }
        return b.build();
    }
}
