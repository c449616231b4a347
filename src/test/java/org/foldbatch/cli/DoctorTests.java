package org.foldbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.foldbatch.model.RandomWeights;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoctorTests {

    @TempDir
    Path dir;

    @Test
    void eachLineSaysWhatWasCheckedAndTheFix() {
        assertThat(Checkup.missing("weights", "no model directory set", "--model-dir DIR").line())
                .isEqualTo("MISSING weights       no model directory set -> fix: --model-dir DIR");
        assertThat(Checkup.ok("java", "Java 17").line()).isEqualTo("OK      java          Java 17");
    }

    @Test
    void freeDiskIsMeasuredWhereTheDirectoryWouldBeCreated() {
        Checkup c = Doctor.disk("output dir", dir.resolve("not/yet/there"));
        assertThat(c.verdict()).isNotEqualTo(Checkup.Verdict.MISSING);
        assertThat(c.finding()).contains("GiB free at " + dir.resolve("not/yet/there"));
    }

    @Test
    void weightsAreMissingUntilTheDirectoryHasAWeightsFile() throws Exception {
        Doctor doctor = doctor(Map.of("foldbatch.inference.model-dir", dir.toString()));
        assertThat(doctor.weights().verdict()).isEqualTo(Checkup.Verdict.MISSING);
        Files.writeString(dir.resolve("af3.bin.zst"), "");
        assertThat(doctor.weights().verdict()).isEqualTo(Checkup.Verdict.OK);
        Files.writeString(dir.resolve(RandomWeights.FILE_NAME), "");
        assertThat(doctor.weights().line()).startsWith("NOTE").contains("random test-only weights");
    }

    @Test
    void aShardedDatabaseWithoutZValueIsMissing() {
        Doctor doctor = doctor(Map.of("foldbatch.databases.uniref90", dir.resolve("u.fa@2").toString()));
        assertThat(doctor.databases()).anySatisfy(c -> assertThat(c.line()).startsWith("MISSING z values")
                .contains("a Z value is required").contains("--z-value"));
    }

    @Test
    void mmseqsIsMissingOnlyWhenADatabaseChoosesIt() {
        Path absent = dir.resolve("no-mmseqs");
        Checkup optional = doctor(Map.of("foldbatch.search.mmseqs-binary", absent.toString())).mmseqs();
        assertThat(optional.verdict()).isEqualTo(Checkup.Verdict.NOTE);
        Checkup needed = doctor(Map.of("foldbatch.search.mmseqs-binary", absent.toString(),
                "foldbatch.search.engine.uniref90", "mmseqs2")).mmseqs();
        assertThat(needed.line()).startsWith("MISSING mmseqs2").contains(absent.toString()).contains("fix: apt-get");
        Checkup typo = doctor(Map.of("foldbatch.search.engine.uniref90", "mmseq")).mmseqs();
        assertThat(typo.line()).startsWith("MISSING search engine").contains("search.engine.uniref90")
                .contains("unknown search engine 'mmseq'");
    }

    /** The sample configuration with a random model is ready to run: exit 0, one line per check. */
    @Test
    @Tag("integration")
    void sampleConfigurationIsReady() throws Exception {
        Files.writeString(dir.resolve(RandomWeights.FILE_NAME), "");
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            exit = Main.execute("doctor", "--config", "samples/foldbatch-sample.properties", "--model-dir",
                    dir.toString(), "--data-dir", dir.resolve("data").toString(), "--output-dir",
                    dir.resolve("out").toString());
        } finally {
            System.setOut(out);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(text).isZero();
        assertThat(text).contains("OK      hmmer         HMMER 3.")
                .contains("OK      mmseqs2").contains("OK      uniref90").endsWith("Ready to run.\n");
    }

    private Doctor doctor(Map<String, Object> properties) {
        Map<String, Object> all = new java.util.HashMap<>(properties);
        all.put("foldbatch.data-dir", dir.resolve("data").toString());
        return new Doctor(Settings.load(all));
    }
}
