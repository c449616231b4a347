package org.foldbatch.batch.campaign;

import java.nio.file.Path;
import java.util.List;

import org.foldbatch.batch.FoldJobParameters.Stages;
import org.foldbatch.msa.SearchTool;
import org.foldbatch.util.Hashing;

/**
 * A campaign read from a file in {@code jobs/}: its candidates already expanded into complete fold inputs.
 *
 * @param stages   the stages of each candidate's fold job (part of its identity: a candidate done with fewer stages
 *                 runs again when more are asked for)
 * @param schedule     a Spring cron expression (six fields, seconds first), or null when the campaign is run by hand
 *                     only
 * @param searchEngine the engine of every protein database search ({@code searchEngine:}), or null for the settings'
 */
public record Campaign(String name, CampaignMode mode, Stages stages, String schedule, TokenPolicy tokenPolicy,
        List<Candidate> candidates, Path source, SearchTool searchEngine) {

    public Campaign {
        candidates = List.copyOf(candidates);
    }

    /** A campaign searching as the settings say. */
    public Campaign(String name, CampaignMode mode, Stages stages, String schedule, TokenPolicy tokenPolicy,
            List<Candidate> candidates, Path source) {
        this(name, mode, stages, schedule, tokenPolicy, candidates, source, null);
    }

    /**
     * Identity of what the campaign computes: mode, stages, guard, search engine (when set) and each candidate's
     * name and input hash. Editing the file without changing any of these (comments, schedule) keeps the same plan;
     * a campaign without {@code searchEngine} keeps the plan hash it had before the option existed.
     */
    public String planHash() {
        StringBuilder text = new StringBuilder(name).append('\n').append(mode.label()).append('\n')
                .append(stages.label()).append('\n')
                .append(tokenPolicy).append('\n');
        if (searchEngine != null) {
            text.append("searchEngine=").append(searchEngine.engineName()).append('\n');
        }
        for (Candidate c : candidates) {
            text.append(c.name()).append('\t').append(c.input().contentHash()).append('\n');
        }
        return Hashing.sha256(text.toString());
    }
}
