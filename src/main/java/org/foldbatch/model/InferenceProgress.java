package org.foldbatch.model;

/**
 * Where a running prediction is, for progress displays. {@link FoldModel} calls it on the predicting thread after
 * each trunk pass and each denoiser call, so an implementation must return quickly and must not throw.
 */
public interface InferenceProgress {
    /** Reports nothing: the default of every prediction. */
    InferenceProgress NONE = new InferenceProgress() {
    };

    /** Trunk pass {@code done} of {@code total} has finished ({@code total} = num_recycles + 1). */
    default void recycle(int done, int total) {
    }

    /**
     * Diffusion step {@code done} of {@code total} has finished. {@code total} is the number of steps times the
     * number of denoiser calls per step (1 unless {@link FoldModel#samplesPerCall} splits the samples).
     */
    default void diffusionStep(int done, int total) {
    }
}
