package org.foldbatch.batch.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.foldbatch.feature.TokenCount;
import org.foldbatch.input.Chain;
import org.foldbatch.input.FoldInput;
import org.foldbatch.input.Ligand;
import org.foldbatch.input.ProteinChain;
import org.foldbatch.structure.ccd.Ccd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CampaignReaderTests {

    @TempDir
    Path dir;

    @Test
    void theShippedLigandScreenHasOneFoldPerLigandWithTheTargetFirst() {
        Campaign c = CampaignReader.read(Path.of("jobs/response_regulator_ligand_screen.yaml"));

        assertThat(c.name()).isEqualTo("rr_ligand_screen");
        assertThat(c.mode()).isEqualTo(CampaignMode.LIGAND_SCREEN);
        assertThat(c.schedule()).isEqualTo("0 0 22 * * *");
        assertThat(c.candidates()).hasSize(20);
        FoldInput atp = c.candidates().get(0).input();
        assertThat(atp.name()).isEqualTo("rr_ligand_screen_ATP");
        assertThat(atp.chains()).extracting(Chain::id).containsExactly("A", "B");
        assertThat(atp.chains().get(0)).isInstanceOf(ProteinChain.class);
        assertThat(((Ligand) atp.chains().get(1)).ccdCodes()).containsExactly("ATP");
        assertThat(c.tokenPolicy()).isEqualTo(new TokenPolicy(5120, TokenPolicy.OverLimit.REJECT, null));
        assertThat(c.stages()).isEqualTo(org.foldbatch.batch.FoldJobParameters.Stages.DATA_PIPELINE);
    }

    @Test
    void ligandsComeFromASmilesFileAndAnSdfWithTheirNames() throws Exception {
        Files.writeString(dir.resolve("ligands.smi"), "# name after the SMILES\nCCO ethanol\nc1ccccc1 benzene\n");
        Files.writeString(dir.resolve("one.sdf"), """
                acetaldehyde
                  manual

                  3  2  0  0  0  0  0  0  0  0999 V2000
                    0.0000    0.0000    0.0000 C   0  0  0  0  0  0  0  0  0  0  0  0
                    1.5000    0.0000    0.0000 C   0  0  0  0  0  0  0  0  0  0  0  0
                    2.2000    1.2000    0.0000 O   0  0  0  0  0  0  0  0  0  0  0  0
                  1  2  1  0
                  2  3  2  0
                M  END
                $$$$
                """);
        Path smi = write("smi.yaml", "mode: ligand-screen\nfixed: [{protein: {sequence: MKV}}]\nligandFile: ligands.smi\n"
                + "ligands: [{smiles: 'CC(=O)O', name: acetic}]\n");
        Path sdf = write("sdf.json", "{\"mode\": \"ligand-screen\", \"fixed\": [{\"protein\": {\"sequence\": \"MKV\"}}],"
                + " \"ligandFile\": \"one.sdf\"}");

        Campaign fromSmi = CampaignReader.read(smi);
        Campaign fromSdf = CampaignReader.read(sdf);

        assertThat(fromSmi.name()).isEqualTo("smi");
        assertThat(fromSmi.candidates()).extracting(Candidate::name).containsExactly("acetic", "ethanol", "benzene");
        assertThat(((Ligand) fromSmi.candidates().get(1).input().chains().get(1)).smiles()).isEqualTo("CCO");
        assertThat(fromSdf.candidates()).extracting(Candidate::name).containsExactly("acetaldehyde");
        String smiles = ((Ligand) fromSdf.candidates().get(0).input().chains().get(1)).smiles();
        assertThat(TokenCount.estimate(FoldInput.of("h", List.of(1L), List.of(Ligand.ofSmiles("L", smiles))),
                Ccd.empty())).as("heavy atoms").isEqualTo(3);
    }

    @Test
    void everyModeExpandsToItsFolds() throws Exception {
        Files.writeString(dir.resolve("partners.fasta"), ">p1 first\nMKVL\nAA\n>p2\nMGG\n");
        Campaign pulldown = CampaignReader.read(write("pd.yaml", """
                mode: pulldown
                seeds: [3, 4]
                fixed: [{name: bait, protein: {sequence: MKKK}}]
                partnerFile: partners.fasta
                partners: [{name: rna1, rna: {sequence: ACGU}}]
                """));
        Campaign all = CampaignReader.read(write("avs.yaml", """
                mode: all-vs-all
                members: [{name: a, protein: {sequence: MA}}, {name: b, protein: {sequence: MB}}, {name: c, protein: {sequence: MC}}]
                """));
        Campaign noSelf = CampaignReader.read(write("avs2.yaml", """
                mode: all-vs-all
                includeSelf: false
                members: [{name: a, protein: {sequence: MA}}, {name: b, protein: {sequence: MB}}, {name: c, protein: {sequence: MC}}]
                """));
        Campaign nxm = CampaignReader.read(write("nxm.yaml", """
                mode: n-x-m
                fixed: [{ligand: {ccdCodes: [MG]}}]
                left: [{name: l1, protein: {sequence: MA}}, {name: l2, protein: {sequence: MB}}]
                right: [{name: r1, dna: {sequence: ACGT}}, {name: r2, protein: {sequence: MC}}, {name: r3, protein: {sequence: MD}}]
                """));
        Campaign oligomers = CampaignReader.read(write("homo.yaml", """
                mode: homo-oligomer
                copies: [1, 3]
                fixed: [{protein: {sequence: MKV}}]
                """));
        Campaign sweep = CampaignReader.read(write("sweep.yaml", """
                mode: seed-sweep
                seeds: [10, 11, 12]
                fixed: [{protein: {sequence: MKV}}, {ligand: {ccdCodes: [ATP]}}]
                """));

        assertThat(pulldown.candidates()).extracting(Candidate::name).containsExactly("rna1", "p1", "p2");
        assertThat(((ProteinChain) pulldown.candidates().get(1).input().chains().get(1)).sequence()).isEqualTo("MKVLAA");
        assertThat(pulldown.candidates().get(1).input().modelSeeds()).containsExactly(3L, 4L);
        assertThat(all.candidates()).extracting(Candidate::name)
                .containsExactly("a__a", "a__b", "a__c", "b__b", "b__c", "c__c");
        assertThat(noSelf.candidates()).extracting(Candidate::name).containsExactly("a__b", "a__c", "b__c");
        assertThat(nxm.candidates()).hasSize(6);
        assertThat(nxm.candidates().get(0).input().chains()).extracting(Chain::id).containsExactly("A", "B", "C");
        assertThat(oligomers.candidates()).extracting(Candidate::name).containsExactly("x1", "x3");
        assertThat(oligomers.candidates().get(1).input().chains()).extracting(Chain::id).containsExactly("A", "B", "C");
        assertThat(sweep.candidates()).extracting(c -> c.input().modelSeeds()).containsExactly(List.of(10L),
                List.of(11L), List.of(12L));
        assertThat(sweep.planHash()).isNotEqualTo(oligomers.planHash()).hasSize(64);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "mode: screen|$.mode: unknown mode 'screen'; expected one of ligand-screen, pulldown",
            "name: rr\\nfixed: []|$: missing required field mode",
            "mode: ligand-screen\\nligands: [ATP]|$.fixed: mode ligand-screen needs the fixed chains",
            "mode: ligand-screen\\nfixed: [{protein: {sequence: MK}}]\\nligands: [ATP, {ccd: ADP, smiles: C}]|$.ligands[1]: give exactly one of ccd or smiles",
            "mode: ligand-screen\\nfixed: [{protein: {sequence: MK}}]\\nligands: [{smiles: 'C1CC'}]|$.ligands[0].smiles: Unable to make RDKit Mol from SMILES",
            "mode: ligand-screen\\nfixed: [{protein: {sequence: MK1}}]\\nligands: [ATP]|$.fixed[0].protein",
            "mode: ligand-screen\\nfixed: [{protein: {id: A, sequence: MK}}]\\nligands: [ATP]|$.fixed[0].protein.id: chain ids are assigned by the campaign",
            "mode: ligand-screen\\nfixed: [{protein: {sequence: MK}}]\\nligands: [ATP, ATP]|$: candidates 1 and 2 are both named 'ATP'",
            "mode: homo-oligomer\\nfixed: [{protein: {sequence: MK}}]\\ncopies: [2, 0]|$.copies[1]: expected a whole number from 1 to 60",
            "mode: seed-sweep\\nfixed: [{protein: {sequence: MK}}]\\nschedule: 'every night'|$.schedule: not a cron expression",
            "mode: seed-sweep\\nfixed: [{protein: {sequence: MK}}]\\nmaxTokens: 10\\noverLimit: route|$.routeTo: overLimit: route needs routeTo",
            "mode: seed-sweep\\nfixed: [{protein: {sequence: MK}}]\\nligands: [ATP]|$.ligands: unknown field for mode seed-sweep",
            "mode: pulldown\\nfixed: [{protein: {sequence: MK}}]\\npartnerFile: missing.fasta|$.partnerFile: cannot read",
            "mode: [oops|$: not valid YAML",
            "mode: seed-sweep\\nstages: features\\nfixed: [{protein: {sequence: MK}}]|$.stages: expected data, data+features or data+features+inference",
    })
    void aBadCampaignIsOneLineNamingFileFieldAndReason(String yaml, String expected) throws Exception {
        Path file = write("bad.yaml", yaml.replace("\\n", "\n"));

        assertThatThrownBy(() -> CampaignReader.read(file))
                .isInstanceOf(CampaignException.class)
                .hasMessageStartingWith(file + ": ")
                .hasMessageContaining(expected)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }
}
