package org.foldbatch.output.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.foldbatch.FoldbatchException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FoldResultsTests {

    @Test
    void coverageCountsMatchColumnsAndSkipsInsertions() {
        String a3m = ">query\nMKVL\n>hit 1\n-KaaV-\n>hit 2\nM..KVL\n";
        assertThat(FoldResults.coverage(a3m, 4)).containsExactly(2, 3, 3, 2);
        assertThat(FoldResults.depth(a3m)).isEqualTo(3);
    }

    @Test
    void anEmptyMsaIsTheQueryAlone() {
        assertThat(FoldResults.coverage("", 3)).containsExactly(1, 1, 1);
        assertThat(FoldResults.unpairedDepth("")).isEqualTo(1);
    }

    @Test
    void chainSpansFollowTheTokenOrder() {
        assertThat(FoldResults.spans(List.of("A", "A", "B", "C", "C"))).containsExactly(
                new FoldResults.ChainSpan("A", 0, 2), new FoldResults.ChainSpan("B", 2, 3),
                new FoldResults.ChainSpan("C", 3, 5));
    }

    @Test
    void aDirectoryWithoutRankingIsRejectedWithThePath(@TempDir Path dir) throws Exception {
        Path job = Files.createDirectories(dir.resolve("x"));
        assertThatThrownBy(() -> FoldResults.read(job)).isInstanceOf(FoldbatchException.class)
                .hasMessage(job.resolve("x_ranking_scores.csv").toAbsolutePath()
                        + ": missing; not a finished fold directory (inference writes it)");
    }

    @Test
    void aMalformedRankingLineIsNamed(@TempDir Path dir) throws Exception {
        Path job = Files.createDirectories(dir.resolve("x"));
        Files.writeString(job.resolve("x_data.json"), """
                {"dialect": "alphafold3", "version": 4, "name": "x", "modelSeeds": [1],
                 "sequences": [{"protein": {"id": "A", "sequence": "MK", "unpairedMsa": "", "pairedMsa": "",
                 "templates": []}}]}""");
        Files.writeString(job.resolve("x_ranking_scores.csv"), "seed,sample,ranking_score\r\n1;0;0.5\r\n");
        assertThatThrownBy(() -> FoldResults.read(job)).isInstanceOf(FoldbatchException.class)
                .hasMessageEndingWith("x_ranking_scores.csv: line 2: expected seed,sample,ranking_score");
    }

    @Test
    void textIsEscapedForHtmlAndScripts() {
        assertThat(Html.escape("<a href=\"x\">&'")).isEqualTo("&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
        assertThat(Html.jsString("data_x\n</script>\"")).isEqualTo("\"data_x\\n\\u003c/script>\\\"\"");
    }
}
