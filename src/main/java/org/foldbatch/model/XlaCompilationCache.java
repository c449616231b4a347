package org.foldbatch.model;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * TensorFlow's persistent XLA compilation cache, the counterpart of AlphaFold 3's {@code --jax_compilation_cache_dir}:
 * with XLA JIT on ({@link RuntimeOptions#xlaJit()}), compiled clusters are written to the directory and later
 * processes load them instead of compiling again. TensorFlow reads the setting only from the {@code TF_XLA_FLAGS}
 * environment variable of the process (flag {@code --tf_xla_persistent_cache_directory}), once, at the first XLA
 * use; Java cannot set it for its own process, so the launcher has to (see {@link #environment}).
 */
public final class XlaCompilationCache {
    public static final String ENV = "TF_XLA_FLAGS";
    public static final String FLAG = "--tf_xla_persistent_cache_directory=";

    private XlaCompilationCache() {
    }

    /** The environment entry that enables the cache in {@code dir}, to add to a child process or launch script. */
    public static Map.Entry<String, String> environment(Path dir, String existingFlags) {
        String flags = existingFlags == null || existingFlags.isBlank() ? "" : existingFlags.trim() + " ";
        return Map.entry(ENV, flags + FLAG + dir.toAbsolutePath());
    }

    /** The cache directory this process was started with, if any. */
    public static Optional<Path> configured() {
        return parse(System.getenv(ENV));
    }

    static Optional<Path> parse(String flags) {
        if (flags == null) {
            return Optional.empty();
        }
        for (String f : flags.trim().split("\\s+")) {
            if (f.startsWith(FLAG) && f.length() > FLAG.length()) {
                return Optional.of(Path.of(f.substring(FLAG.length())));
            }
        }
        return Optional.empty();
    }

    /** Fails with what to do when the process was not started with the cache in {@code dir}. */
    public static void require(Path dir) {
        Optional<Path> c = configured();
        if (c.isEmpty() || !c.get().toAbsolutePath().normalize().equals(dir.toAbsolutePath().normalize())) {
            throw new IllegalStateException("XLA compilation cache " + dir + " is not active: TensorFlow reads it "
                    + "only from the environment; start the JVM with " + ENV + "=\"" + FLAG + dir.toAbsolutePath()
                    + "\" (currently " + ENV + "=" + System.getenv(ENV) + ")");
        }
    }
}
