package org.foldbatch.batch.remote;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 12, item 12: a malformed worker message is logged as a bounded one-line prefix, not in full. */
class WorkerMessageLogTests {

    @Test
    void aHugeMultiLineBodyIsLoggedAsABoundedPrefixOnOneLine() {
        String body = "geneSearchChain\n" + "A".repeat(10_000);

        String logged = PartitionWorker.forLog(body);

        assertThat(logged).startsWith("'geneSearchChain\\u000aAAA").endsWith("...' (10016 characters)")
                .doesNotContain("\n").hasSizeLessThan(140);
    }

    @Test
    void aShortBodyIsLoggedWhole() {
        assertThat(PartitionWorker.forLog("bad 1x")).isEqualTo("'bad 1x' (6 characters)");
    }
}
