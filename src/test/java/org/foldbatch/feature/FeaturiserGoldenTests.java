package org.foldbatch.feature;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.foldbatch.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.foldbatch.input.FoldInput;
import org.foldbatch.input.Ligand;
import org.foldbatch.input.ProteinChain;
import org.foldbatch.input.Template;
import org.foldbatch.records.DType;
import org.foldbatch.structure.MmcifStructure;
import org.foldbatch.structure.ccd.Ccd;
import org.foldbatch.template.TemplateHit;
import org.foldbatch.template.TemplateSearch;
import org.foldbatch.template.TemplateSearchConfig;
import org.foldbatch.constants.ChainType;

/**
 * AlphaFold 3's data test input (5tgy protein P + ligand LL = 7BU, seed 1234) after the data pipeline on the
 * miniature databases: a query-only MSA and the four templates the real hmmsearch finds. Featurised without
 * buckets, as AlphaFold 3's featurisation test does; the assertions are the golden facts of that test.
 */
@IntegrationTest
class FeaturiserGoldenTests {

    static final String QUERY = "SEFEKLRQTGDELVQAFQRLREIFDKGDDDSLEQVLEEIEELIQKHRQLFDNRQEAADTEAAKQGDQWVQLFQRFREAID"
            + "KGDKDSLEQLLEELEQALQKIRELAEKKN";
    static final Path DATABASES = Path.of("samples/databases");
    static final int T = 150;

    static List<TemplateHit> hits;
    static FeatureBatch batch;

    @BeforeAll
    static void featurise() throws Exception {
        TemplateSearchConfig search = new TemplateSearchConfig(
                DATABASES.resolve("pdb_seqres_2022_09_28__subsampled_1000.fasta"), DATABASES.resolve("pdb_mmcif"),
                LocalDate.of(2021, 9, 30), 4, 2, Path.of("/usr/bin"), Duration.ofMinutes(5));
        String a3m = ">query\n" + QUERY + "\n";
        hits = new TemplateSearch(search).search(QUERY, a3m);
        List<Template> templates = hits.stream()
                .map(h -> new Template(h.mmcif(), h.queryIndices(), h.templateIndices())).toList();
        ProteinChain protein = new ProteinChain("P", QUERY, List.of(), null, a3m, "", templates);
        String userCcd = Files.readString(Path.of("samples/ccd/7BU-reconstructed.cif"));
        FoldInput input = new FoldInput("5tgy", List.of(1234L), List.of(protein, Ligand.ofCcd("LL", "7BU")),
                List.of(), userCcd);
        Ccd ccd = Ccd.load(Path.of("samples/ccd/components-subset.cif"));
        batch = new Featuriser(FeaturiserConfig.defaults(ccd).withBuckets(null)).featurise(input, 1234);
    }

    @Test
    void tokenFeatures() {
        assertThat(batch.get("seq_length").ints()).containsExactly(T);
        assertThat(batch.get("token_index").ints()).containsExactly(IntStream.rangeClosed(1, T).toArray());
        int[] residueIndex = IntStream.concat(IntStream.rangeClosed(1, 109), IntStream.generate(() -> 1).limit(41))
                .toArray();
        assertThat(batch.get("residue_index").ints()).containsExactly(residueIndex);
        int[] chain = IntStream.concat(IntStream.generate(() -> 1).limit(109), IntStream.generate(() -> 2).limit(41))
                .toArray();
        assertThat(batch.get("asym_id").ints()).containsExactly(chain);
        assertThat(batch.get("entity_id").ints()).containsExactly(chain);
        assertThat(batch.get("sym_id").ints()).containsOnly(1);
        int[] aatype = batch.get("aatype").ints();
        assertThat(aatype[0]).isEqualTo(15);
        assertThat(aatype[1]).isEqualTo(6);
        assertThat(Arrays.copyOfRange(aatype, 109, T)).containsOnly(20);
        assertThat(batch.get("seq_mask").bools()).containsOnly(true);
        assertThat(batch.get("is_ligand").bools()[109]).isTrue();
        assertThat(batch.get("is_protein").bools()[108]).isTrue();
    }

    @Test
    void msaIsTheQueryTwiceWithGapsForTheLigand() {
        assertThat(batch.get("msa").shape()).containsExactly(16384, T);
        assertThat(batch.get("num_alignments").ints()).containsExactly(2);
        byte[] msa = batch.get("msa").int8s();
        for (int row = 0; row < 2; row++) {
            for (int i = 0; i < 109; i++) {
                assertThat((int) msa[row * T + i]).isEqualTo(MsaFeatures.encode(QUERY.charAt(i), ChainType.PROTEIN));
            }
            for (int i = 109; i < T; i++) {
                assertThat((int) msa[row * T + i]).isEqualTo(21);
            }
        }
        assertThat(Arrays.copyOfRange(msa, 2 * T, msa.length)).containsOnly((byte) 0);
        boolean[] mask = batch.get("msa_mask").bools();
        assertThat(IntStream.range(0, mask.length).filter(i -> mask[i]).count()).isEqualTo(2 * T);
        assertThat(batch.get("deletion_matrix").int8s()).containsOnly((byte) 0);
        assertThat(batch.get("deletion_mean").dtype()).isEqualTo(DType.FLOAT64);
        assertThat(batch.get("deletion_mean").doubles()).containsOnly(0.0);
        float[] profile = batch.get("profile").floats();
        for (int i = 0; i < T; i++) {
            int expected = i < 109 ? MsaFeatures.encode(QUERY.charAt(i), ChainType.PROTEIN) : 21;
            for (int k = 0; k < 31; k++) {
                assertThat(profile[i * 31 + k]).isEqualTo(k == expected ? 1f : 0f);
            }
        }
    }

    @Test
    void atomMasksAndReferenceSpaces() {
        boolean[] dense = batch.get("pred_dense_atom_mask").bools();
        assertThat(batch.get("ref_mask").bools()).isEqualTo(dense);
        int oxtSlotOfAsn = 8;
        assertThat(dense[108 * 24 + oxtSlotOfAsn]).as("OXT of the last residue (ASN)").isTrue();
        int oxtSlotOfGlu = 9;
        assertThat(dense[1 * 24 + oxtSlotOfGlu]).as("no OXT inside the chain").isFalse();
        for (int token = 109; token < T; token++) {
            assertThat(Arrays.copyOfRange(dense, token * 24, token * 24 + 24)).containsExactly(
                    true, false, false, false, false, false, false, false, false, false, false, false,
                    false, false, false, false, false, false, false, false, false, false, false, false);
        }
        int[] uid = batch.get("ref_space_uid").ints();
        for (int token = 0; token < T; token++) {
            assertThat(uid[token * 24 + 23]).isEqualTo(Math.min(token, 109));
        }
        int[] centre = batch.get("residue_center_index").ints();
        assertThat(Arrays.copyOfRange(centre, 0, 109)).containsOnly(1);
        assertThat(Arrays.copyOfRange(centre, 109, T)).containsOnly(0);
        assertThat(batch.get("ref_element").ints()[(T - 1) * 24]).as("ZN, the last 7BU heavy atom").isEqualTo(30);
        assertThat(Arrays.copyOfRange(batch.get("ref_atom_name_chars").ints(), 109 * 96, 109 * 96 + 4))
                .containsExactly('N' - 32, 'A' - 32, '1' - 32, 0);
    }

    @Test
    void templatesAreTheFourHitsMappedOntoTheQuery() {
        assertThat(hits).extracting(TemplateHit::name)
                .containsExactly("5y2e_A/4-32", "6ydw_Bj/89-154", "6s61_M/42-67", "6s61_M/82-106");
        int[] aatype = batch.get("template_aatype").ints();
        float[] positions = batch.get("template_atom_positions").floats();
        boolean[] mask = batch.get("template_atom_mask").bools();
        for (int t = 0; t < 4; t++) {
            TemplateHit hit = hits.get(t);
            MmcifStructure.Chain chain = MmcifStructure.fromString(hit.mmcif(), hit.name(),
                    MmcifStructure.Options.TEMPLATE).chains().get(0);
            String sequence = chain.singleLetterSequence();
            int[] expected = new int[T];
            Arrays.fill(expected, 0, 109, 21);
            for (int i = 0; i < hit.queryIndices().size(); i++) {
                char letter = sequence.charAt(hit.templateIndices().get(i));
                expected[hit.queryIndices().get(i)] = "ARNDCQEGHILKMFPSTWYV".indexOf(letter) < 0 ? 20
                        : "ARNDCQEGHILKMFPSTWYV".indexOf(letter);
            }
            assertThat(Arrays.copyOfRange(aatype, t * T, t * T + T)).as(hit.name()).containsExactly(expected);
            int q = hit.queryIndices().get(0);
            MmcifStructure.Residue residue = chain.residues().get(hit.templateIndices().get(0));
            MmcifStructure.Atom ca = residue.atoms().stream().filter(a -> a.name().equals("CA")).findFirst()
                    .orElseThrow();
            int slot = (t * T + q) * 24 + 1;
            assertThat(mask[slot]).isTrue();
            assertThat(positions[slot * 3]).isEqualTo((float) ca.x());
            assertThat(positions[slot * 3 + 2]).isEqualTo((float) ca.z());
            MmcifStructure.Atom n = residue.atoms().stream().filter(a -> a.name().equals("N")).findFirst()
                    .orElseThrow();
            int lastSlot = (t * T + q) * 24 + 23;
            assertThat(mask[lastSlot]).as("slots past ATOM14 repeat N").isTrue();
            assertThat(positions[lastSlot * 3]).isEqualTo((float) n.x());
        }
        assertThat(Arrays.copyOfRange(mask, 0, 24 * 60)).as("query residues before the first hit").containsOnly(false);
    }

    @Test
    void bondsOfTheLigandAndNoPolymerBonds() {
        boolean[] ll = batch.get("tokens_to_ligand_ligand_bonds:gather_mask").bools();
        assertThat(batch.get("tokens_to_ligand_ligand_bonds:gather_idxs").shape()).containsExactly(1500, 2);
        assertThat(IntStream.range(0, ll.length).filter(i -> ll[i]).count()).isEqualTo(2 * 48);
        assertThat(batch.get("tokens_to_polymer_ligand_bonds:gather_mask").bools()).containsOnly(false);
        assertThat(batch.get("token_atoms_to_polymer_ligand_bonds:input_shape").longs()).containsExactly(T, 24);
    }

    @Test
    void everyFeatureAfTakesIsThereWithItsDtype() {
        assertThat(batch.features().keySet()).contains("msa", "msa_mask", "deletion_matrix", "profile",
                "deletion_mean", "num_alignments", "template_aatype", "template_atom_positions", "template_atom_mask",
                "ref_pos", "ref_mask", "ref_element", "ref_charge", "ref_atom_name_chars", "ref_space_uid",
                "frames_mask", "pred_dense_atom_mask", "residue_center_index",
                "token_atoms_to_pseudo_beta:gather_idxs", "queries_to_keys:gather_mask",
                "tokens_to_keys:input_shape");
        assertThat(batch.get("ref_pos").dtype()).isEqualTo(DType.FLOAT32);
        assertThat(batch.get("queries_to_keys:gather_idxs").dtype()).isEqualTo(DType.INT64);
        // 150 tokens: ceil(3600 / 32) = 113 query blocks.
        assertThat(batch.get("queries_to_keys:gather_idxs").shape()).containsExactly(113, 128);
    }

    /**
     * AlphaFold 3's own golden hashes of this featurisation (SHA-256 of each array's raw bytes, from its
     * {@code featurised_example.json}), minus the conformer-dependent ones: 56 of the remaining 57 are
     * byte-identical, {@code ref_charge} included (AlphaFold 3's test excludes it; the CCD charges agree with
     * RDKit's here). AlphaFold 3's frames_mask has only the zinc frameless, ours has every token framed.
     */
    @Test
    void everyFeatureHashesLikeAlphaFold3s() throws Exception {
        Map<String, String> golden = new TreeMap<>();
        Matcher entry = Pattern.compile("\"([^\"]+)\": \"([0-9a-f]{64})\"").matcher(new String(
                FeaturiserGoldenTests.class.getResourceAsStream("featurised_example.json").readAllBytes(),
                StandardCharsets.UTF_8));
        while (entry.find()) {
            golden.put(entry.group(1), entry.group(2));
        }
        golden.keySet().removeAll(Set.of("ref_pos", "frames_mask"));
        Map<String, String> ours = new TreeMap<>();
        for (String name : golden.keySet()) {
            ours.put(name, batch.has(name) ? batch.get(name).sha256() : "missing");
        }

        assertThat(golden).hasSize(57);
        Map<String, String> differing = new TreeMap<>();
        golden.forEach((name, hash) -> {
            if (!hash.equals(ours.get(name))) {
                differing.put(name, ours.get(name));
            }
        });
        // The reconstructed 7BU lists its 48 bonds in an inferred order; the real CCD entry's order (which the gather
        // indices follow) is unknown. Its gather mask, which only counts the bonds, does match.
        assertThat(differing.keySet()).as("features whose bytes differ from AlphaFold 3's")
                .isSubsetOf("tokens_to_ligand_ligand_bonds:gather_idxs");
    }
}
