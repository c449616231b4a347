package org.foldbatch.batch.campaign;

import java.nio.file.Path;

import org.foldbatch.batch.FoldInputs;
import org.foldbatch.batch.campaign.JdbcCampaignStore.PlanDefinition;
import org.foldbatch.batch.campaign.JdbcCampaignStore.PlannedCandidate;
import org.foldbatch.batch.campaign.JdbcCampaignStore.Status;
import org.foldbatch.input.FoldInput;
import org.foldbatch.output.OutputLayout;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Before any search: counts each candidate's tokens and rejects (or routes) those over the limit, recording why;
 * the others become PENDING unless they completed earlier with the same input.
 */
record CampaignPreflightTasklet(JdbcCampaignStore store, FoldInputs inputs, TokenCounter counter) implements Tasklet {

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        var parameters = contribution.getStepExecution().getJobParameters();
        String plan = parameters.getString(CampaignJobParameters.PLAN);
        Path out = CampaignJobParameters.outputDir(parameters);
        PlanDefinition definition = store.definition(plan);
        TokenPolicy policy = definition.policy();
        for (PlannedCandidate c : store.candidates(plan)) {
            contribution.incrementReadCount();
            if (c.done()) {
                continue;
            }
            FoldInput input = inputs.get(c.inputHash());
            int tokens = counter.count(input);
            String folder = OutputLayout.of(OutputLayout.safeChild(out, definition.campaignName()), input.sanitisedName()).jobDir()
                    .toString();
            if (policy.exceeded(tokens)) {
                boolean route = policy.overLimit() == TokenPolicy.OverLimit.ROUTE;
                String reason = tokens + " tokens > maxTokens " + policy.maxTokens() + " (estimated)"
                        + (route ? "; routed to " + policy.routeTo() : "; rejected before search");
                store.setCandidate(definition.campaignName(), c.name(), c.inputHash(), input.sanitisedName(),
                        definition.stages(), tokens, route ? Status.ROUTED : Status.REJECTED, reason, null, folder);
                contribution.incrementFilterCount(1);
            } else {
                store.setCandidate(definition.campaignName(), c.name(), c.inputHash(), input.sanitisedName(),
                        definition.stages(), tokens, Status.PENDING, null, null, folder);
                contribution.incrementWriteCount(1);
            }
        }
        return RepeatStatus.FINISHED;
    }
}
