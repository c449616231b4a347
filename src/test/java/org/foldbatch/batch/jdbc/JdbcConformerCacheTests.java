package org.foldbatch.batch.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.foldbatch.IntegrationTest;
import org.foldbatch.TestDatabases;
import org.foldbatch.feature.ConformerCache.Conformer;
import org.foldbatch.feature.Featuriser;
import org.foldbatch.feature.FeaturiserConfig;
import org.foldbatch.input.FoldInput;
import org.foldbatch.input.Ligand;
import org.foldbatch.input.ProteinChain;
import org.foldbatch.structure.ccd.Ccd;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class JdbcConformerCacheTests {

    private static final Ccd CCD = Ccd.load(Path.of("samples/ccd/components-subset.cif"));

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void aSecondWriterOfTheSameConformerLeavesTheStepTransactionUsable(String vendor) {
        // given: the cache used inside a step's transaction, as a featurisation tasklet uses it
        JdbcTemplate jdbc = TestDatabases.migrated(vendor, dir);
        JdbcTransactionManager tx = new JdbcTransactionManager(jdbc.getDataSource());
        JdbcConformerCache cache = new JdbcConformerCache(jdbc, new NewTransactions(tx));
        Conformer water = new Conformer(new double[][] {{0, 0, 0}, {0.96, 0, 0}, {-0.24, 0.93, 0}});

        // when: another process stored the same component and seed first
        new TransactionTemplate(tx).executeWithoutResult(status -> {
            cache.put("HOH#abc", 7, water);
            cache.put("HOH#abc", 7, water);
            // then: the step's transaction still works (PostgreSQL would refuse it after a failed insert)
            assertThat(cache.get("HOH#abc", 7)).get().extracting(Conformer::coordinates)
                    .isEqualTo(water.coordinates());
        });
        cache.put("BAD#x", 7, new Conformer(null));

        assertThat(cache.get("BAD#x", 7)).get().extracting(Conformer::generated).isEqualTo(false);
        assertThat(cache.get("HOH#abc", 8)).isEmpty();
    }

    /**
     * Issue 12 item 6: a zeroed row used to change the features silently, a truncated one failed every later run
     * with {@code null}. Now the damaged row is noticed, dropped and recomputed, and the features are unchanged.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"h2, zeroed", "h2, truncated", "h2, failed-marker", "postgresql, zeroed", "postgresql, truncated",
            "postgresql, failed-marker"})
    void aDamagedRowIsDroppedRecomputedAndStoredAgain(String vendor, String damage) {
        // given: conformers of a protein and a ligand stored by one featurisation
        JdbcTemplate jdbc = TestDatabases.migrated(vendor, dir);
        JdbcConformerCache cache = new JdbcConformerCache(jdbc,
                new NewTransactions(new JdbcTransactionManager(jdbc.getDataSource())));
        Featuriser featuriser = new Featuriser(FeaturiserConfig.defaults(CCD).withBuckets(null)
                .withConformerCache(cache));
        FoldInput input = FoldInput.of("heal", List.of(1L), List.of(ProteinChain.of("A", "GAS"),
                Ligand.ofCcd("B", "NAG")));
        float[] before = featuriser.featurise(input, 1).get("ref_pos").floats();
        List<Map<String, Object>> stored = jdbc.queryForList(
                "SELECT component_key, seed, coordinates FROM fb_conformer_cache ORDER BY component_key, seed");
        assertThat(stored).hasSize(8);

        // when: every row is damaged in place, and the input is featurised again
        for (Map<String, Object> row : stored) {
            byte[] bytes = (byte[]) row.get("coordinates");
            Object key = row.get("component_key");
            Object seed = row.get("seed");
            switch (damage) {
                case "zeroed" -> jdbc.update("UPDATE fb_conformer_cache SET coordinates = ? "
                        + "WHERE component_key = ? AND seed = ?", new byte[bytes.length], key, seed);
                case "truncated" -> jdbc.update("UPDATE fb_conformer_cache SET coordinates = ? "
                        + "WHERE component_key = ? AND seed = ?", Arrays.copyOf(bytes, bytes.length / 2), key, seed);
                default -> jdbc.update("UPDATE fb_conformer_cache SET coordinates = NULL, atom_count = 0 "
                        + "WHERE component_key = ? AND seed = ?", key, seed);
            }
        }
        float[] after = featuriser.featurise(input, 1).get("ref_pos").floats();

        // then: the features are the undamaged ones, and every row is stored again, intact
        assertThat(after).isEqualTo(before);
        List<Map<String, Object>> healed = jdbc.queryForList(
                "SELECT component_key, seed, coordinates FROM fb_conformer_cache ORDER BY component_key, seed");
        assertThat(healed).hasSize(8);
        for (int i = 0; i < healed.size(); i++) {
            assertThat((byte[]) healed.get(i).get("coordinates")).isEqualTo(stored.get(i).get("coordinates"));
            assertThat(cache.get((String) healed.get(i).get("component_key"),
                    ((Number) healed.get(i).get("seed")).longValue())).get().extracting(Conformer::generated)
                    .isEqualTo(true);
        }
    }
}
