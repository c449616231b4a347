package org.foldbatch.feature;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reference conformers per chemical component and seed. A conformer is the heavy-atom coordinates in the
 * component's heavy-atom order, or empty when generation failed (so the failure is not retried). The key
 * includes a fingerprint of the component's atoms and bonds so a user CCD entry never reuses a CCD conformer.
 */
public interface ConformerCache {

    Optional<Conformer> get(String componentKey, long seed);

    void put(String componentKey, long seed, Conformer conformer);

    /** @param coordinates x,y,z per heavy atom, or {@code null} if generation failed */
    record Conformer(double[][] coordinates) {
        public boolean generated() {
            return coordinates != null;
        }
    }

    static ConformerCache inMemory() {
        Map<String, Conformer> store = new ConcurrentHashMap<>();
        return new ConformerCache() {
            @Override
            public Optional<Conformer> get(String componentKey, long seed) {
                return Optional.ofNullable(store.get(componentKey + "#" + seed));
            }

            @Override
            public void put(String componentKey, long seed, Conformer conformer) {
                store.put(componentKey + "#" + seed, conformer);
            }
        };
    }

    static ConformerCache none() {
        return new ConformerCache() {
            @Override
            public Optional<Conformer> get(String componentKey, long seed) {
                return Optional.empty();
            }

            @Override
            public void put(String componentKey, long seed, Conformer conformer) {
            }
        };
    }
}
