package org.foldbatch.feature;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Atom identities (chain, residue id, atom name) laid out in some shape, and AlphaFold 3's gather between two
 * layouts: each target element takes the index of the source element with the same identity (the last one, when
 * several share it, as a Python dict built in order keeps the last), or 0 with mask false. Padding elements are
 * ("", 0, "") and therefore match padding in the source, as they do in AlphaFold 3.
 */
final class AtomLayout {

    final String[] chain;
    final int[] resId;
    final String[] atom;
    final int[] shape;

    AtomLayout(String[] chain, int[] resId, String[] atom, int... shape) {
        this.chain = chain;
        this.resId = resId;
        this.atom = atom;
        this.shape = shape;
        if (chain.length != resId.length || chain.length != atom.length
                || chain.length != Arrays.stream(shape).reduce(1, (a, b) -> a * b)) {
            throw new IllegalArgumentException("layout arrays do not match shape " + Arrays.toString(shape));
        }
    }

    static AtomLayout padded(int size, int... shape) {
        String[] chain = new String[size];
        String[] atom = new String[size];
        Arrays.fill(chain, "");
        Arrays.fill(atom, "");
        return new AtomLayout(chain, new int[size], atom, shape);
    }

    int size() {
        return atom.length;
    }

    void set(int i, String chainId, int res, String atomName) {
        chain[i] = chainId;
        resId[i] = res;
        atom[i] = atomName;
    }

    record Gather(long[] indices, boolean[] mask, int[] shape, long[] inputShape) {

        List<Feature> features(String prefix) {
            return List.of(Feature.ofLongs(prefix + ":gather_idxs", indices, shape),
                    Feature.ofBools(prefix + ":gather_mask", mask, shape),
                    Feature.ofLongs(prefix + ":input_shape", inputShape, inputShape.length));
        }
    }

    private record Uid(String chain, int resId, String atom) {
    }

    static Gather gather(AtomLayout source, AtomLayout target) {
        Map<Uid, Integer> index = new HashMap<>(source.size() * 2);
        for (int i = 0; i < source.size(); i++) {
            index.put(new Uid(source.chain[i], source.resId[i], source.atom[i]), i);
        }
        long[] indices = new long[target.size()];
        boolean[] mask = new boolean[target.size()];
        for (int i = 0; i < target.size(); i++) {
            Integer found = index.get(new Uid(target.chain[i], target.resId[i], target.atom[i]));
            if (found != null) {
                indices[i] = found;
                mask[i] = true;
            }
        }
        long[] inputShape = Arrays.stream(source.shape).asLongStream().toArray();
        return new Gather(indices, mask, target.shape.clone(), inputShape);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AtomLayout l && Arrays.equals(chain, l.chain) && Arrays.equals(resId, l.resId)
                && Arrays.equals(atom, l.atom) && Arrays.equals(shape, l.shape);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(atom), Arrays.hashCode(shape));
    }
}
