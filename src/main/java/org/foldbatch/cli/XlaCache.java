package org.foldbatch.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * TensorFlow's persistent XLA compilation cache (AlphaFold 3's {@code --jax_compilation_cache_dir}). TensorFlow reads
 * its directory from {@code TF_XLA_FLAGS} once, when the native library starts, so a running JVM cannot set it: the
 * launcher script {@code bin/foldbatch} translates the flag into the environment before starting Java, and the JVM
 * only checks that it did.
 */
final class XlaCache {

    private static final String FLAG = "--tf_xla_persistent_cache_directory=";

    private XlaCache() {
    }

    static String flag(Path dir) {
        return FLAG + dir.toAbsolutePath().normalize();
    }

    static boolean isPassed(Path dir, Map<String, String> env) {
        String flags = env.getOrDefault("TF_XLA_FLAGS", "");
        Path wanted = dir.toAbsolutePath().normalize();
        return Arrays.stream(flags.trim().split("\\s+")).filter(f -> f.startsWith(FLAG))
                .anyMatch(f -> Path.of(f.substring(FLAG.length())).toAbsolutePath().normalize().equals(wanted));
    }
}
