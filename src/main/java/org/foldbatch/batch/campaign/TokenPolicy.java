package org.foldbatch.batch.campaign;

/**
 * The pre-flight guard: inputs over {@code maxTokens} are rejected, or routed to {@code routeTo} (a queue name another
 * deployment with more memory runs), before any search. {@code maxTokens} 0 means no limit.
 */
public record TokenPolicy(int maxTokens, OverLimit overLimit, String routeTo) {

    public enum OverLimit { REJECT, ROUTE }

    public static final TokenPolicy NONE = new TokenPolicy(0, OverLimit.REJECT, null);

    public boolean exceeded(int tokens) {
        return maxTokens > 0 && tokens > maxTokens;
    }
}
