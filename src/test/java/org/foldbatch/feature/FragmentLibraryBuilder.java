package org.foldbatch.feature;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.openmolecules.chem.conf.gen.RigidFragmentCache;
import org.openmolecules.chem.conf.gen.RigidFragmentProvider;

import org.foldbatch.structure.ccd.Ccd;

/**
 * Makes {@link FragmentLibrary}'s resources: per fragment set, every component of a dictionary, in id order, goes
 * through the same conformer search as featurisation, with one writable rigid-fragment cache and the set's seed; the
 * cache is then written in OpenChemLib's cache-file format with its records sorted, gzip'd without a time stamp, so
 * the same dictionary always gives the same bytes.
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.foldbatch.feature.FragmentLibraryBuilder \
 *     samples/ccd/components-subset.cif src/main/resources/org/foldbatch/feature
 * </pre>
 */
public final class FragmentLibraryBuilder {

    private FragmentLibraryBuilder() {
    }

    public static void main(String[] args) throws IOException {
        Ccd ccd = Ccd.load(Path.of(args[0]));
        for (int set = 0; set < FragmentLibrary.SETS; set++) {
            byte[] library = build(ccd, set);
            Path file = Path.of(args[1]).resolve(FragmentLibrary.resource(set));
            Files.write(file, library);
            System.out.printf("%s: %d bytes%n", file, library.length);
        }
    }

    static byte[] build(Ccd ccd, int set) throws IOException {
        RigidFragmentCache cache = RigidFragmentCache.createInstance(null);
        RigidFragmentProvider fragments = new RigidFragmentProvider(FragmentLibrary.seed(set), cache, false);
        for (String id : ccd.ids().stream().sorted().toList()) {
            Conformers.generate(ccd.find(id).orElseThrow(), List.of(new Conformers.Try(1, fragments)));
        }
        Path file = Files.createTempFile("rigid-fragments", ".txt");
        try {
            if (!cache.serializeCache(file.toString(), 0)) {
                throw new IOException("OpenChemLib could not write " + file);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (OutputStream gzip = new GZIPOutputStream(bytes)) {
                for (String record : sortedRecords(Files.readAllLines(file, StandardCharsets.UTF_8))) {
                    gzip.write(record.getBytes(StandardCharsets.UTF_8));
                }
            }
            return bytes.toByteArray();
        } finally {
            Files.delete(file);
        }
    }

    /** One string per fragment (idcode, count, coordinates, likelihoods, each line ended), in idcode order. */
    static List<String> sortedRecords(List<String> lines) {
        List<String> records = new ArrayList<>();
        for (int i = 0; i < lines.size(); ) {
            int count = Integer.parseInt(lines.get(i + 1));
            int end = i + 2 + 2 * count;
            records.add(String.join("\n", lines.subList(i, end)) + "\n");
            i = end;
        }
        records.sort(null);
        return records;
    }
}
