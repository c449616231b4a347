package org.foldbatch.batch.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.foldbatch.IntegrationTest;
import org.foldbatch.TestDatabases;
import org.foldbatch.util.ProcessOwner;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** Claims of two processes, each named as a real process would be, on both databases. */
@IntegrationTest
class JdbcWorkClaimsTests {

    private static final Duration LONG = Duration.ofHours(1);

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void aLiveHolderKeepsTheKeyUntilItReleasesIt(String vendor) {
        JdbcTemplate jdbc = TestDatabases.migrated(vendor, dir);
        JdbcWorkClaims mine = claims(jdbc, ProcessOwner.currentToken(), LONG);
        JdbcWorkClaims other = claims(jdbc, "elsewhere 42 0", LONG);

        assertThat(mine.tryClaim("k")).isTrue();
        assertThat(other.tryClaim("k")).isFalse();
        assertThat(mine.tryClaim("k")).as("another thread of the holder waits too").isFalse();
        assertThat(other.holder("k")).contains(ProcessOwner.currentToken());
        mine.release("k");
        assertThat(other.tryClaim("k")).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM fb_work_claim", Integer.class)).isEqualTo(1);
        other.release("k");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void theClaimOfAProcessThatDiedOnThisHostIsTakenOverAtOnce(String vendor) throws Exception {
        JdbcTemplate jdbc = TestDatabases.migrated(vendor, dir);
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        JdbcWorkClaims dead = claims(jdbc, ProcessOwner.hostName() + " " + gone.pid() + " "
                + gone.info().startInstant().map(i -> i.toEpochMilli()).orElse(1L), LONG);
        JdbcWorkClaims mine = claims(jdbc, ProcessOwner.currentToken(), LONG);

        assertThat(dead.tryClaim("k")).isTrue();
        assertThat(mine.tryClaim("k")).isTrue();
        assertThat(mine.holder("k")).contains(ProcessOwner.currentToken());
        mine.release("k");
        dead.release("k");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void aHolderOnAnotherHostIsTakenOverOnlyOnceItsHeartbeatStops(String vendor) throws Exception {
        JdbcTemplate jdbc = TestDatabases.migrated(vendor, dir);
        JdbcWorkClaims beating = claims(jdbc, "elsewhere 7 0", Duration.ofSeconds(2));
        JdbcWorkClaims silent = claims(jdbc, "elsewhere 8 0", LONG);
        JdbcWorkClaims mine = claims(jdbc, ProcessOwner.currentToken(), Duration.ofSeconds(2));

        assertThat(beating.tryClaim("a")).isTrue();
        assertThat(silent.tryClaim("b")).isTrue();
        assertThat(mine.tryClaim("a")).isFalse();
        assertThat(mine.tryClaim("b")).isFalse();
        Thread.sleep(5000);

        assertThat(mine.tryClaim("a")).as("renewed every 0.5 s").isFalse();
        assertThat(mine.tryClaim("b")).as("silent for 5 s with a 2 s timeout").isTrue();
        assertThat(mine.holder("b")).contains(ProcessOwner.currentToken());
        mine.release("b");
        silent.release("b");
        beating.release("a");
    }

    private static JdbcWorkClaims claims(JdbcTemplate jdbc, String token, Duration timeout) {
        return new JdbcWorkClaims(jdbc, NewTransactions.none(), token, timeout);
    }
}
