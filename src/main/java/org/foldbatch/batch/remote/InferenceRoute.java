package org.foldbatch.batch.remote;

import java.util.List;
import java.util.Optional;

/**
 * Where an inference partition of a given token bucket goes: to the smallest class of live inference workers whose
 * {@code --max-tokens} fits it (workers without a limit fit everything, and are chosen only when no limited class
 * fits), else nowhere, with the reason.
 */
public sealed interface InferenceRoute {

    /** Send to the workers declaring {@code maxTokens} (0: the workers without a limit). */
    record Send(int maxTokens) implements InferenceRoute {
    }

    /** No live worker can take it now: hold it back (or fail it, when {@code tooLarge} and waiting is off). */
    record Hold(String reason, boolean tooLarge) implements InferenceRoute {
    }

    static InferenceRoute of(int bucket, List<JdbcFleet.LiveWorker> live) {
        List<JdbcFleet.LiveWorker> inference = live.stream().filter(w -> w.stages().contains(Stage.INFERENCE))
                .toList();
        if (inference.isEmpty()) {
            return new Hold("no live inference worker", false);
        }
        Optional<Integer> smallestFit = inference.stream().map(JdbcFleet.LiveWorker::maxTokens)
                .filter(m -> m > 0 && m >= bucket).min(Integer::compare);
        if (smallestFit.isPresent()) {
            return new Send(smallestFit.get());
        }
        if (inference.stream().anyMatch(w -> w.maxTokens() <= 0)) {
            return new Send(0);
        }
        int largest = inference.stream().mapToInt(JdbcFleet.LiveWorker::maxTokens).max().orElseThrow();
        return new Hold("token bucket " + bucket + " is larger than every live inference worker (largest --max-tokens "
                + largest + ")", true);
    }
}
