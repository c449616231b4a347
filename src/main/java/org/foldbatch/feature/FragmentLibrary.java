package org.foldbatch.feature;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;

import com.actelion.research.chem.Coordinates;
import com.actelion.research.chem.IDCodeParserWithoutCoordinateInvention;
import com.actelion.research.chem.StereoMolecule;
import org.openmolecules.chem.conf.gen.RigidFragmentCache;
import org.openmolecules.chem.conf.gen.RigidFragmentProvider;

/**
 * Rigid-fragment conformers of the shipped dictionary's components, made once at build time (issue 14, cold
 * start). OpenChemLib assembles a conformer from rigid fragments (rings, amides, carboxylates...) whose
 * coordinates come from a self-organising search of 16 conformers per fragment; that search was 87% of a fresh
 * process's first featurisation. The library holds the search's result for every cacheable fragment of
 * {@code samples/ccd/components-subset.cif}, in {@link #SETS} sets made with seeds 1..SETS by
 * {@code FragmentLibraryBuilder} (test sources) in OpenChemLib's own cache-file format; {@code FragmentLibraryTests}
 * checks the shipped files are what the builder makes.
 *
 * <p>Conformers stay a function of the component and the seed only (issue 12): fragments are always made with a
 * set's seed, never the component's, and each search gets {@link #provider its own copy} of a set, so
 * a fragment the library lacks is made for that search and forgotten, never handed to the next molecule in the atom
 * order of whichever molecule met it first. The component's seed still drives which fragment conformers and
 * torsions are chosen.
 */
final class FragmentLibrary {

    /**
     * Independent fragment sets, made with self-organisation seeds 1..SETS. A conformer search draws one set from
     * the component's seed and, when the conformer fails the geometry check, retries with the next: with a single
     * set a fragment that came out strained (a ribose pucker, a thioether angle) would fail every seed alike.
     */
    static final int SETS = 4;

    /** Read on first use, so the builder can name the sets before they exist. */
    private static final class Loaded {
        static final List<Map<String, RigidFragmentCache.CacheEntry>> ENTRIES = IntStream.range(0, SETS)
                .mapToObj(FragmentLibrary::load).toList();
    }

    private FragmentLibrary() {
    }

    /** The self-organisation seed of fragment set {@code set} (0-based): at build time and for what it lacks. */
    static long seed(int set) {
        return set + 1;
    }

    static String resource(int set) {
        return "rigid-fragments-" + seed(set) + ".txt.gz";
    }

    /** A fragment provider for one conformer search: set {@code set}'s fragments, and its own cache for the rest. */
    static RigidFragmentProvider provider(int set) {
        RigidFragmentCache cache = RigidFragmentCache.createInstance(null);
        cache.putAll(Loaded.ENTRIES.get(set));
        return new RigidFragmentProvider(seed(set), cache, false);
    }

    static int size(int set) {
        return Loaded.ENTRIES.get(set).size();
    }

    /** Reads OpenChemLib's cache-file format (as {@code RigidFragmentCache.serializeCache} writes it). */
    private static Map<String, RigidFragmentCache.CacheEntry> load(int set) {
        String resource = resource(set);
        Map<String, RigidFragmentCache.CacheEntry> entries = new LinkedHashMap<>();
        try (InputStream in = FragmentLibrary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource + " next to " + FragmentLibrary.class);
            }
            BufferedReader reader = new BufferedReader(
                    new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8));
            String idcode;
            while ((idcode = reader.readLine()) != null) {
                IDCodeParserWithoutCoordinateInvention parser = new IDCodeParserWithoutCoordinateInvention();
                StereoMolecule fragment = parser.getCompactMolecule(idcode);
                int count = Integer.parseInt(reader.readLine());
                Coordinates[][] coordinates = new Coordinates[count][fragment.getAllAtoms()];
                for (Coordinates[] conformer : coordinates) {
                    for (int atom = 0; atom < conformer.length; atom++) {
                        conformer[atom] = new Coordinates();
                    }
                    parser.parseCoordinates(reader.readLine().getBytes(StandardCharsets.UTF_8), 0, fragment,
                            conformer);
                }
                double[] likelihood = new double[count];
                for (int i = 0; i < count; i++) {
                    likelihood[i] = Double.parseDouble(reader.readLine());
                }
                entries.put(idcode, new RigidFragmentCache.CacheEntry(coordinates, likelihood));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(resource + ": " + e.getMessage(), e);
        } catch (Exception e) {
            // parseCoordinates declares Exception; a corrupt library is a build defect, not a user error
            throw new IllegalStateException(resource + ": unreadable rigid-fragment library: " + e.getMessage(), e);
        }
        return Map.copyOf(entries);
    }
}
