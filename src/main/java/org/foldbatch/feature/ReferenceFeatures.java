package org.foldbatch.feature;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.foldbatch.constants.Elements;
import org.foldbatch.structure.ccd.ChemComp;
import org.foldbatch.util.BoundedPool;

/**
 * Reference structure features per token atom slot: a conformer per residue (OpenChemLib conformer seeded from the
 * component and the model seed, else the CCD ideal coordinates, else model coordinates for entries modified before
 * the cut-off, else zeros), centred, randomly rotated and translated; element, formal charge, atom-name characters,
 * mask and reference-space id.
 */
final class ReferenceFeatures {

    private static final Logger log = LoggerFactory.getLogger(ReferenceFeatures.class);

    static final long DETERMINISTIC_FRAMES_SEED = 12312837L;

    private final Tokens tokens;
    private final int n;
    private final FeaturiserConfig config;

    ReferenceFeatures(Tokens tokens, int n, FeaturiserConfig config) {
        this.tokens = tokens;
        this.n = n;
        this.config = config;
    }

    List<Feature> compute(long seed) {
        int slots = n * Tokens.ATOMS_PER_TOKEN;
        float[] positions = positions(seed);
        boolean[] mask = new boolean[slots];
        int[] element = new int[slots];
        float[] charge = new float[slots];
        int[] nameChars = new int[slots * 4];
        int[] spaceUid = new int[slots];
        Map<String, Integer> uids = new HashMap<>();
        Map<Residue, Map<String, ChemComp.Atom>> atomsByResidue = new HashMap<>();
        // Padding token rows keep uid 0: AlphaFold 3 iterates over the unpadded token atoms only.
        for (int slot = 0; slot < tokens.count() * Tokens.ATOMS_PER_TOKEN; slot++) {
            int token = slot / Tokens.ATOMS_PER_TOKEN;
            Residue residue = tokens.residueOfToken.get(token);
            String name = tokens.slotNames.get(token)[slot % Tokens.ATOMS_PER_TOKEN];
            spaceUid[slot] = uids.computeIfAbsent(residue.chainId() + "\u0000" + residue.resId(), k -> uids.size());
            if (name.isEmpty()) {
                continue;
            }
            ChemComp.Atom atom = atomsByResidue.computeIfAbsent(residue, r -> {
                Map<String, ChemComp.Atom> byName = new LinkedHashMap<>();
                r.component().atoms().forEach(a -> byName.put(a.name(), a));
                return byName;
            }).get(name);
            if (atom == null) {
                continue;
            }
            mask[slot] = true;
            element[slot] = Elements.atomicNumber(atom.element());
            charge[slot] = atom.formalCharge();
            for (int c = 0; c < Math.min(4, name.length()); c++) {
                nameChars[slot * 4 + c] = name.charAt(c) - 32;
            }
        }
        return List.of(
                Feature.ofFloats("ref_pos", positions, n, Tokens.ATOMS_PER_TOKEN, 3),
                Feature.ofBools("ref_mask", mask, n, Tokens.ATOMS_PER_TOKEN),
                Feature.ofInts("ref_element", element, n, Tokens.ATOMS_PER_TOKEN),
                Feature.ofFloats("ref_charge", charge, n, Tokens.ATOMS_PER_TOKEN),
                Feature.ofInts("ref_atom_name_chars", nameChars, n, Tokens.ATOMS_PER_TOKEN, 4),
                Feature.ofInts("ref_space_uid", spaceUid, n, Tokens.ATOMS_PER_TOKEN));
    }

    /** Reference positions [n*24*3] for a seed: one conformer per residue, augmented. */
    float[] positions(long seed) {
        Map<ChemComp, ConformerCache.Conformer> conformers = conformers(seed);
        SplittableRandom random = new SplittableRandom(seed);
        Map<Residue, Map<String, double[]>> byResidue = new LinkedHashMap<>();
        float[] positions = new float[n * Tokens.ATOMS_PER_TOKEN * 3];
        for (int token = 0; token < tokens.count(); token++) {
            Residue residue = tokens.residueOfToken.get(token);
            Map<String, double[]> coordinates = byResidue.computeIfAbsent(residue,
                    r -> conformer(r, conformers.get(r.component()), random));
            String[] slots = tokens.slotNames.get(token);
            for (int s = 0; s < Tokens.ATOMS_PER_TOKEN; s++) {
                double[] xyz = slots[s].isEmpty() ? null : coordinates.get(slots[s]);
                if (xyz != null) {
                    int base = (token * Tokens.ATOMS_PER_TOKEN + s) * 3;
                    positions[base] = (float) xyz[0];
                    positions[base + 1] = (float) xyz[1];
                    positions[base + 2] = (float) xyz[2];
                }
            }
        }
        return positions;
    }

    /**
     * The conformer of every component of the tokens under a model seed. Those the cache lacks are made in parallel:
     * each is a function of its component and seed alone, so the order they finish in changes nothing. The cache is
     * read and written on the calling thread, which may hold the step's transaction. A component's key (a digest of
     * its atoms and bonds) is computed once per component object, not per token.
     */
    private Map<ChemComp, ConformerCache.Conformer> conformers(long modelSeed) {
        Map<ChemComp, String> keys = new IdentityHashMap<>();
        Map<String, ChemComp> byKey = new LinkedHashMap<>();
        for (Residue residue : tokens.residueOfToken) {
            String key = keys.computeIfAbsent(residue.component(), Conformers::key);
            byKey.putIfAbsent(key, residue.component());
        }
        Map<String, Long> seeds = new HashMap<>();
        byKey.keySet().forEach(key -> seeds.put(key, Conformers.seed(key, modelSeed)));
        Map<String, ConformerCache.Conformer> byKeyConformer = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String key : byKey.keySet()) {
            config.conformerCache().get(key, seeds.get(key)).ifPresentOrElse(
                    c -> byKeyConformer.put(key, c), () -> missing.add(key));
        }
        List<Callable<ConformerCache.Conformer>> tasks = missing.stream()
                .<Callable<ConformerCache.Conformer>>map(key -> () -> Conformers.generate(byKey.get(key),
                        seeds.get(key)))
                .toList();
        List<ConformerCache.Conformer> made = BoundedPool.runAll("conformers", "making reference conformers",
                Runtime.getRuntime().availableProcessors(), tasks);
        for (int i = 0; i < missing.size(); i++) {
            config.conformerCache().put(missing.get(i), seeds.get(missing.get(i)), made.get(i));
            byKeyConformer.put(missing.get(i), made.get(i));
        }
        Map<ChemComp, ConformerCache.Conformer> conformers = new IdentityHashMap<>();
        keys.forEach((component, key) -> conformers.put(component, byKeyConformer.get(key)));
        return conformers;
    }

    private Map<String, double[]> conformer(Residue residue, ConformerCache.Conformer conformer,
            SplittableRandom random) {
        ChemComp component = residue.component();
        List<ChemComp.Atom> atoms = Conformers.heavyAtoms(component);
        double[][] xyz = conformer.generated() ? conformer.coordinates() : fallback(residue, atoms);
        double[][] augmented = augment(xyz, random);
        Map<String, double[]> byName = new HashMap<>();
        for (int i = 0; i < atoms.size(); i++) {
            byName.put(atoms.get(i).name(), augmented[i]);
        }
        return byName;
    }

    /**
     * AlphaFold 3's fallback: the ideal coordinates; if any is unknown and the entry was modified before the
     * cut-off, the model coordinates of every atom instead; whatever is still unknown becomes 0.
     */
    private double[][] fallback(Residue residue, List<ChemComp.Atom> atoms) {
        ChemComp component = residue.component();
        LocalDate modified = component.modifiedDate() == null ? null : parseDate(component.modifiedDate());
        boolean useModel = atoms.stream().anyMatch(a -> a.ideal() == null) && modified != null
                && modified.isBefore(config.refMaxModifiedDate());
        double[][] xyz = new double[atoms.size()][];
        int unknown = 0;
        for (int i = 0; i < atoms.size(); i++) {
            double[] value = useModel ? atoms.get(i).model() : atoms.get(i).ideal();
            xyz[i] = value == null ? new double[3] : value.clone();
            unknown += value == null ? 1 : 0;
        }
        // AlphaFold 3 warns the same way; a SMILES ligand has no dictionary coordinates, so it always ends here.
        String where = "chain " + residue.chainId() + " residue " + residue.resId() + " " + component.id();
        if (unknown == atoms.size()) {
            log.warn("No conformer for {} and no reference coordinates: all reference positions are 0", where);
        } else if (unknown > 0) {
            log.warn("No conformer for {}: {} of {} reference positions unknown, set to 0", where, unknown,
                    atoms.size());
        } else {
            log.info("No conformer for {}: using its {} coordinates", where, useModel ? "model" : "ideal");
        }
        return xyz;
    }

    private static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Centre, rotate by a random rotation (Gram–Schmidt of two normal vectors), translate by a normal vector. */
    static double[][] augment(double[][] xyz, SplittableRandom random) {
        double[] centre = new double[3];
        for (double[] p : xyz) {
            for (int a = 0; a < 3; a++) {
                centre[a] += p[a] / xyz.length;
            }
        }
        double[] v0 = normal3(random);
        double[] v1 = normal3(random);
        double[] e0 = scale(v0, 1 / Math.max(1e-10, norm(v0)));
        double d = dot(v1, e0);
        double[] w = {v1[0] - e0[0] * d, v1[1] - e0[1] * d, v1[2] - e0[2] * d};
        double[] e1 = scale(w, 1 / Math.max(1e-10, norm(w)));
        double[] e2 = {e0[1] * e1[2] - e0[2] * e1[1], e0[2] * e1[0] - e0[0] * e1[2], e0[0] * e1[1] - e0[1] * e1[0]};
        double[][] rotation = {e0, e1, e2};
        double[] translation = normal3(random);
        double[][] out = new double[xyz.length][3];
        for (int i = 0; i < xyz.length; i++) {
            double[] c = {xyz[i][0] - centre[0], xyz[i][1] - centre[1], xyz[i][2] - centre[2]};
            for (int a = 0; a < 3; a++) {
                out[i][a] = dot(rotation[a], c) + translation[a];
            }
        }
        return out;
    }

    /**
     * AlphaFold 3's frames mask from the fixed-seed reference: polymer tokens have frames; a ligand token needs
     * two other atoms of its residue, its nearest two not colinear with it (1 − |cos| ≥ 0.0937).
     */
    Feature framesMask() {
        float[] positions = positions(DETERMINISTIC_FRAMES_SEED);
        boolean[] mask = new boolean[n];
        int t = tokens.count();
        double[][] tokenPos = new double[t][];
        for (int i = 0; i < t; i++) {
            int slot = List.of(tokens.slotNames.get(i)).indexOf(tokens.atomOfToken.get(i));
            int base = (i * Tokens.ATOMS_PER_TOKEN + Math.max(slot, 0)) * 3;
            tokenPos[i] = new double[]{positions[base], positions[base + 1], positions[base + 2]};
        }
        for (int i = 0; i < t; i++) {
            Residue residue = tokens.residueOfToken.get(i);
            if (residue.chainType().isPolymer()) {
                mask[i] = true;
                continue;
            }
            List<Integer> local = new ArrayList<>();
            for (int j = 0; j < t; j++) {
                if (tokens.residueOfToken.get(j) == residue) {
                    local.add(j);
                }
            }
            if (local.size() < 3) {
                continue;
            }
            final int self = i;
            List<Integer> byDistance = new ArrayList<>(local);
            byDistance.removeIf(j -> j == self);
            byDistance.sort((a, b) -> Double.compare(distance(tokenPos[self], tokenPos[a]),
                    distance(tokenPos[self], tokenPos[b])));
            double[] a = tokenPos[byDistance.get(0)];
            double[] c = tokenPos[byDistance.get(1)];
            double[] b = tokenPos[i];
            double[] v1 = {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
            double[] v2 = {c[0] - b[0], c[1] - b[1], c[2] - b[2]};
            if (norm(v1) < 1e-8 || norm(v2) < 1e-8) {
                continue;
            }
            double cos = dot(v1, v2) / (norm(v1) * norm(v2));
            mask[i] = 1 - Math.abs(cos) >= 0.0937;
        }
        return Feature.ofBools("frames_mask", mask, n);
    }

    private static double[] normal3(SplittableRandom random) {
        double[] v = new double[3];
        for (int a = 0; a < 3; a++) {
            double u1 = random.nextDouble();
            double u2 = random.nextDouble();
            v[a] = Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
        }
        return v;
    }

    private static double distance(double[] a, double[] b) {
        return Math.sqrt((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]) + (a[2] - b[2]) * (a[2] - b[2]));
    }

    private static double norm(double[] v) {
        return Math.sqrt(dot(v, v));
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static double[] scale(double[] v, double f) {
        return new double[]{v[0] * f, v[1] * f, v[2] * f};
    }
}
