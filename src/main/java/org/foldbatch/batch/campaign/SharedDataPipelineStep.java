package org.foldbatch.batch.campaign;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.foldbatch.output.OutputLayout;
import org.foldbatch.batch.FoldInputs;
import org.foldbatch.batch.FoldJobLauncher;
import org.foldbatch.batch.FoldJobParameters;
import org.foldbatch.batch.campaign.JdbcCampaignStore.PlanDefinition;
import org.foldbatch.batch.campaign.JdbcCampaignStore.PlannedCandidate;
import org.foldbatch.batch.campaign.JdbcCampaignStore.Status;
import org.foldbatch.batch.jdbc.JdbcFoldInputStore.StoredInput;
import org.foldbatch.input.Chain;
import org.foldbatch.input.ChainIds;
import org.foldbatch.input.FoldInput;
import org.foldbatch.input.FoldInputWriter;
import org.foldbatch.input.ProteinChain;
import org.foldbatch.input.RnaChain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.batch.core.step.StepExecution;

/**
 * Computes each unique chain's data pipeline once, before the fan-out: one data-pipeline fold job over every distinct
 * searchable chain of the candidates still to run. Its searches fill the MSA and template caches (partitioned by
 * chain, so they spread over workers); the candidates' own fold jobs then start no search. If it fails the campaign
 * goes on: each candidate's fold job searches what is missing, and only the candidates that need a failing chain fail.
 */
final class SharedDataPipelineStep extends AbstractStep {

    private static final Logger log = LoggerFactory.getLogger(SharedDataPipelineStep.class);

    private final JdbcCampaignStore store;
    private final FoldInputs inputs;
    private final FoldJobLauncher launcher;

    SharedDataPipelineStep(String name, JobRepository repository, JdbcCampaignStore store, FoldInputs inputs,
            FoldJobLauncher launcher) {
        super(name);
        setJobRepository(repository);
        this.store = store;
        this.inputs = inputs;
        this.launcher = launcher;
    }

    @Override
    protected void doExecute(StepExecution stepExecution) {
        String plan = stepExecution.getJobParameters().getString(CampaignJobParameters.PLAN);
        Path out = CampaignJobParameters.outputDir(stepExecution.getJobParameters());
        PlanDefinition definition = store.definition(plan);
        List<Chain> unique = new ArrayList<>();
        Set<Chain> seen = new HashSet<>();
        for (PlannedCandidate c : store.candidates(plan)) {
            if (c.status() != Status.PENDING && c.status() != Status.FAILED && c.status() != Status.RUNNING) {
                continue;
            }
            for (Chain chain : inputs.get(c.inputHash()).chains()) {
                if (needsSearch(chain) && seen.add(chain.withId("A"))) {
                    unique.add(chain.withId(ChainIds.fromNumber(unique.size() + 1)));
                }
            }
        }
        stepExecution.setReadCount(unique.size());
        if (unique.isEmpty()) {
            stepExecution.setExitStatus(new ExitStatus("NOOP", "no chain needs a search"));
            return;
        }
        FoldInput shared = FoldInput.of(definition.campaignName() + "__chains", List.of(1L), unique);
        String hash = shared.contentHash();
        StoredInput stored = new StoredInput(hash, shared.sanitisedName(), "campaign:" + definition.campaignName(),
                FoldInputWriter.toJson(shared));
        try {
            FoldJobLauncher.Outcome outcome = launcher.launch(stored, new FoldJobParameters(hash,
                    FoldJobParameters.Stages.DATA_PIPELINE, OutputLayout.safeChild(out, definition.campaignName()).resolve("_shared"),
                    null, definition.searchEngine()));
            if (outcome.failed()) {
                log.warn("{}: shared data pipeline {}; each candidate searches its missing chains itself",
                        definition.campaignName(), outcome.execution().getStatus());
                stepExecution.setExitStatus(new ExitStatus("COMPLETED_WITH_FAILURES",
                        "shared data pipeline execution " + outcome.execution().getId() + " "
                                + outcome.execution().getStatus()));
            }
            stepExecution.setWriteCount(unique.size());
        } catch (RuntimeException e) {
            log.warn("{}: shared data pipeline could not run: {}", definition.campaignName(), e.getMessage());
            stepExecution.setExitStatus(new ExitStatus("COMPLETED_WITH_FAILURES", e.getMessage()));
        }
    }

    private static boolean needsSearch(Chain chain) {
        if (chain instanceof ProteinChain p) {
            return p.unpairedMsa() == null || p.pairedMsa() == null || p.templates() == null;
        }
        return chain instanceof RnaChain r && r.unpairedMsa() == null;
    }
}
