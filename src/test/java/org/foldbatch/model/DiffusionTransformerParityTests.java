package org.foldbatch.model;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The diffusion head's token transformer (2 super-blocks of 2 conditioned blocks) against diffusion_transformer.bin. */
class DiffusionTransformerParityTests {
    static final double TOL = 1e-5;

    @Test
    void transformerMatchesReference() {
        ReferenceCase c = ReferenceCase.load("diffusion_transformer");
        List<float[]> out = c.run(TrunkOptions.unchunked(), root -> List.of(DiffusionTransformer.apply(
                root.child("transformer"), "transformer", c.in(root, "act"), c.in(root, "mask"),
                c.in(root, "single_cond"), c.in(root, "pair_cond"))));
        c.assertClose(out.get(0), "act", TOL);
    }
}
