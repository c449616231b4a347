package org.foldbatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.foldbatch.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The persistent XLA cache really is written by one process and read (not rewritten) by the next. */
@IntegrationTest
class XlaCompilationCacheTests {

    @Test
    void secondProcessLoadsTheCompiledClustersOfTheFirst(@TempDir Path dir) throws Exception {
        String first = runProbe(dir);
        assertThat(first).contains("error ");
        List<Path> written = list(dir);
        assertThat(written).isNotEmpty().allSatisfy(p -> assertThat(p.getFileName().toString())
                .startsWith("xla_compile_cache__"));
        Map<Path, FileTime> times = new java.util.HashMap<>();
        for (Path p : written) {
            times.put(p, Files.getLastModifiedTime(p));
        }
        String second = runProbe(dir);
        assertThat(second).contains("Loading cached entry");
        assertThat(list(dir)).containsExactlyInAnyOrderElementsOf(written);
        for (Path p : written) {
            assertThat(Files.getLastModifiedTime(p)).isEqualTo(times.get(p));
        }
    }

    @Test
    void parsesTheFlagAndExplainsWhenItIsMissing(@TempDir Path dir) {
        assertThat(XlaCompilationCache.parse("--tf_xla_auto_jit=2 " + XlaCompilationCache.FLAG + "/x/y"))
                .contains(Path.of("/x/y"));
        assertThat(XlaCompilationCache.parse("--tf_xla_auto_jit=2")).isEmpty();
        assertThat(XlaCompilationCache.environment(dir, "--a").getValue())
                .isEqualTo("--a " + XlaCompilationCache.FLAG + dir.toAbsolutePath());
        if (XlaCompilationCache.configured().isEmpty()) {
            assertThatThrownBy(() -> XlaCompilationCache.require(dir)).hasMessageContaining("TF_XLA_FLAGS=");
        }
    }

    private static List<Path> list(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    private static String runProbe(Path cache) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                XlaCacheProbe.class.getName()).redirectErrorStream(true);
        Map.Entry<String, String> env = XlaCompilationCache.environment(cache, null);
        pb.environment().put(env.getKey(), env.getValue());
        pb.environment().put("TF_CPP_MIN_LOG_LEVEL", "0");
        pb.environment().put("TF_CPP_VMODULE", "device_compilation_cache=1,device_compiler=2,"
                + "device_executable_persistor=3");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }
}
