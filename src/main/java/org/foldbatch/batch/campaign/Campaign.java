package org.foldbatch.batch.campaign;

import java.nio.file.Path;
import java.util.List;

import org.foldbatch.batch.FoldJobParameters.Stages;
import org.foldbatch.util.Hashing;

/**
 * A campaign read from a file in {@code jobs/}: its candidates already expanded into complete fold inputs.
 *
 * @param stages   the stages of each candidate's fold job (part of its identity: a candidate done with fewer stages
 *                 runs again when more are asked for)
 * @param schedule a Spring cron expression (six fields, seconds first), or null when the campaign is run by hand only
 */
public record Campaign(String name, CampaignMode mode, Stages stages, String schedule, TokenPolicy tokenPolicy,
        List<Candidate> candidates, Path source) {

    public Campaign {
        candidates = List.copyOf(candidates);
    }

    /**
     * Identity of what the campaign computes: mode, stages, guard and each candidate's name and input hash. Editing
     * the file without changing any of these (comments, schedule) keeps the same plan.
     */
    public String planHash() {
        StringBuilder text = new StringBuilder(name).append('\n').append(mode.label()).append('\n')
                .append(stages.label()).append('\n')
                .append(tokenPolicy).append('\n');
        for (Candidate c : candidates) {
            text.append(c.name()).append('\t').append(c.input().contentHash()).append('\n');
        }
        return Hashing.sha256(text.toString());
    }
}
