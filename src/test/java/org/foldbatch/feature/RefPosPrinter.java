package org.foldbatch.feature;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;

import org.foldbatch.input.FoldInput;
import org.foldbatch.input.FoldInputLoader;
import org.foldbatch.structure.ccd.Ccd;
import org.foldbatch.util.Hashing;

/**
 * A child JVM for {@link ConformerDeterminismTests}: featurises each input file in turn in this one process (with a
 * conformer cache shared by all of them, or none) and prints {@code <file> <sha256 of ref_pos>} per input.
 * Arguments: {@code memory|none FILE...}.
 */
public final class RefPosPrinter {

    private RefPosPrinter() {
    }

    public static void main(String[] args) {
        ConformerCache cache = args[0].equals("memory") ? ConformerCache.inMemory() : ConformerCache.none();
        Featuriser featuriser = new Featuriser(FeaturiserConfig.defaults(
                Ccd.load(Path.of("samples/ccd/components-subset.cif"))).withConformerCache(cache));
        for (String file : List.of(args).subList(1, args.length)) {
            FoldInput input = new FoldInputLoader().load(Path.of(file)).get(0);
            float[] refPos = featuriser.featurise(input, input.modelSeeds().get(0)).get("ref_pos").floats();
            System.out.println(file + " " + sha256(refPos));
        }
    }

    static String sha256(float[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            bytes.putFloat(v);
        }
        return Hashing.sha256(bytes.array());
    }
}
