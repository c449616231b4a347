package org.foldbatch.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.foldbatch.input.FoldInput;
import org.foldbatch.input.FoldInputLoader;
import org.foldbatch.msa.MoleculeType;
import org.foldbatch.util.Hashing;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;

/**
 * A partition whose execution context a killed process never saved (found by ChaosFunctionalTests: "Value for
 * key=[seed] is not of type: [class java.lang.Long], it is [null]" on every relaunch) still knows its key.
 */
class FoldStepTests {

    private static final String SEQUENCE = "MKVLAGSEFEKLRQTGDELV";
    private final FoldInput input = new FoldInputLoader().parse("""
            {"dialect": "alphafold3", "version": 4, "name": "p", "modelSeeds": [7],
             "sequences": [{"protein": {"id": "A", "sequence": "%s"}}]}
            """.formatted(SEQUENCE), Path.of("p.json")).get(0);

    @Test
    void aPartitionWithAnEmptyContextTakesItsKeyFromItsName() {
        ChainKey key = new ChainKey(MoleculeType.PROTEIN, Hashing.sha256(SEQUENCE));

        assertThat(step("featuriseSeed:seed-7").seed()).isEqualTo(7L);
        assertThat(step("geneSearchChain:" + key.partitionName()).chain()).isEqualTo(key);
        assertThat(step("templateSearchChain:" + key.partitionName()).chain()).isEqualTo(key);
    }

    @Test
    void theContextWinsWhenItHoldsTheKey() {
        FoldStep step = step("inferSeed:seed-7");
        step.execution().getExecutionContext().putLong(Partitions.SEED, 9L);

        assertThat(step.seed()).isEqualTo(9L);
    }

    private FoldStep step(String name) {
        JobExecution job = new JobExecution(1L, new JobInstance(1L, "foldJob"), new JobParameters());
        return new FoldStep(new StepExecution(2L, name, job), "hash", input, FoldJobParameters.Stages.FULL, null,
                null);
    }
}
