package org.foldbatch.batch.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.foldbatch.TestDatabases;
import org.foldbatch.msa.MoleculeType;
import org.foldbatch.pipeline.MergedMsa;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;

class JdbcChainMsaStoreTests {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void mergedMsasComeBackAsStoredAndASecondSaveIsIgnored(String vendor) {
        JdbcTemplate jdbc = TestDatabases.migrated(vendor, dir);
        JdbcChainMsaStore store = new JdbcChainMsaStore(jdbc, NewTransactions.none());
        MergedMsa protein = new MergedMsa(">query\nMKV\n>u1\nMRV\n", ">query\nMKV\n");
        MergedMsa rna = new MergedMsa(">query\nGGC\n", null);

        store.save("p", MoleculeType.PROTEIN, "MKV", protein);
        store.save("p", MoleculeType.PROTEIN, "MKV", new MergedMsa("other", "other"));
        store.save("r", MoleculeType.RNA, "GGC", rna);

        assertThat(store.find("p")).contains(protein);
        assertThat(store.find("r")).contains(rna);
        assertThat(store.find("missing")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void aDamagedRowIsDroppedAndReadAsAbsent(String vendor) {
        JdbcTemplate jdbc = TestDatabases.migrated(vendor, dir);
        JdbcChainMsaStore store = new JdbcChainMsaStore(jdbc, NewTransactions.none());
        store.save("p", MoleculeType.PROTEIN, "MKV", new MergedMsa(">query\nMKV\n", ">query\nMKV\n"));
        jdbc.update("UPDATE fb_chain_msa SET paired_sha256 = 'x' WHERE merge_key = 'p'");

        assertThat(store.find("p")).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM fb_chain_msa", Integer.class)).isZero();
    }
}
