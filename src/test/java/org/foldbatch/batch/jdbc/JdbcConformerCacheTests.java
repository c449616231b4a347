package org.foldbatch.batch.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.foldbatch.IntegrationTest;
import org.foldbatch.TestDatabases;
import org.foldbatch.feature.ConformerCache.Conformer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class JdbcConformerCacheTests {

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
}
