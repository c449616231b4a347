package org.foldbatch.feature;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import org.foldbatch.IntegrationTest;
import org.foldbatch.structure.ccd.Ccd;

/** Issue 14 (cold start): the shipped rigid-fragment library is what its builder makes from the shipped dictionary. */
@IntegrationTest
class FragmentLibraryTests {

    @Test
    void shippedLibraryIsWhatTheBuilderMakesFromTheShippedDictionary() throws Exception {
        Ccd ccd = Ccd.load(Path.of("samples/ccd/components-subset.cif"));
        for (int set = 0; set < FragmentLibrary.SETS; set++) {
            // given: a fragment set on the classpath
            byte[] shipped;
            try (InputStream in = FragmentLibrary.class.getResourceAsStream(FragmentLibrary.resource(set))) {
                shipped = in.readAllBytes();
            }

            // when: it is made again from samples/ccd/components-subset.cif
            byte[] rebuilt = FragmentLibraryBuilder.build(ccd, set);

            // then: the same fragments, coordinates and likelihoods, byte for byte once unzipped
            assertThat(gunzip(rebuilt)).as("set %d", set).isEqualTo(gunzip(shipped));
            assertThat(FragmentLibrary.size(set)).as("fragments in set %d", set).isGreaterThan(20);
        }
    }

    private static String gunzip(byte[] bytes) throws Exception {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
