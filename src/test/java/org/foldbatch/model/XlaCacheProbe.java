package org.foldbatch.model;

import java.util.List;

/** Runs the diffusion transformer reference case once under XLA JIT (launched in a child JVM by the cache test). */
public final class XlaCacheProbe {
    private XlaCacheProbe() {
    }

    public static void main(String[] args) {
        ReferenceCase c = ReferenceCase.load("diffusion_transformer");
        List<float[]> out = c.run(org.tensorflow.types.TFloat32.class, TrunkOptions.unchunked(),
                RuntimeOptions.defaults().withXlaJit(true), root -> List.of(DiffusionTransformer.apply(
                        root.child("transformer"), "transformer", c.in(root, "act"), c.in(root, "mask"),
                        c.in(root, "single_cond"), c.in(root, "pair_cond"))));
        System.out.println("error " + ReferenceCase.scaledError(out.get(0), c.output("act").floats()));
    }
}
