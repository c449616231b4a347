package org.foldbatch.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.types.TBfloat16;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TFloating;

/** The bf16 policy runs and stays close to f32; XLA JIT and thread settings do not change the numbers. */
class PrecisionAndRuntimeTests {

    private static <T extends TFloating> List<float[]> pairformer(ReferenceCase c, Class<T> type,
            RuntimeOptions runtime) {
        return c.run(type, TrunkOptions.unchunked(), runtime, nn -> {
            var o = PairformerIteration.apply(nn.child("trunk_pairformer"), nn.cast(c.in(nn, "act")),
                    nn.cast(c.in(nn, "pair_mask")), nn.cast(c.in(nn, "single_act")), nn.cast(c.in(nn, "seq_mask")));
            return List.of(nn.f32(o.pair()), nn.f32(o.single()));
        });
    }

    @Test
    void bfloat16PairformerIsCloseToTheF32Reference() {
        ReferenceCase c = ReferenceCase.load("pairformer_iteration");
        List<float[]> bf16 = pairformer(c, TBfloat16.class, RuntimeOptions.defaults());
        double pairErr = ReferenceCase.scaledError(bf16.get(0), c.output("act").floats());
        double singleErr = ReferenceCase.scaledError(bf16.get(1), c.output("single_act").floats());
        // bf16 keeps 8 significant bits: errors of a few 1e-3 relative to the tensor's scale are expected, while
        // the f32 path is within 1e-5, so this also shows the bf16 path really runs in bf16.
        assertThat(pairErr).isLessThan(5e-2).isGreaterThan(1e-5);
        assertThat(singleErr).isLessThan(5e-2).isGreaterThan(1e-5);
    }

    @Test
    void xlaJitAndThreadSettingsGiveTheSameNumbers() {
        ReferenceCase c = ReferenceCase.load("pairformer_iteration");
        List<float[]> plain = pairformer(c, TFloat32.class, RuntimeOptions.defaults());
        List<float[]> tuned = pairformer(c, TFloat32.class, RuntimeOptions.defaults().withXlaJit(true).withThreads(1, 1));
        assertThat(ReferenceCase.scaledError(tuned.get(0), plain.get(0))).isLessThanOrEqualTo(1e-6);
        assertThat(ReferenceCase.scaledError(tuned.get(1), plain.get(1))).isLessThanOrEqualTo(1e-6);
        c.assertClose(tuned.get(0), "act", 1e-5);
    }

    @Test
    void bfloat16MsaModuleBlockIsCloseToTheF32Reference() {
        ReferenceCase c = ReferenceCase.load("evoformer_iteration");
        List<float[]> bf16 = c.run(TBfloat16.class, TrunkOptions.unchunked(), RuntimeOptions.defaults(), nn -> {
            var o = EvoformerIteration.apply(nn.child("msa_stack"), nn.cast(c.in(nn, "msa")),
                    nn.cast(c.in(nn, "pair")), nn.cast(c.in(nn, "msa_mask")), nn.cast(c.in(nn, "pair_mask")));
            return List.of(nn.f32(o.msa()), nn.f32(o.pair()));
        });
        assertThat(ReferenceCase.scaledError(bf16.get(0), c.output("msa").floats())).isLessThan(5e-2);
        assertThat(ReferenceCase.scaledError(bf16.get(1), c.output("pair").floats())).isLessThan(5e-2);
    }
}
