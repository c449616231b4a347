package org.foldbatch.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import picocli.CommandLine.IVersionProvider;

/** What Maven wrote into {@code build.properties}: the version and the TensorFlow native flavour of this build. */
final class BuildInfo implements IVersionProvider {

    private static final Properties PROPERTIES = load();

    static String version() {
        return PROPERTIES.getProperty("version", "unknown");
    }

    /** {@code linux-x86_64} for the CPU build, {@code linux-x86_64-gpu} for {@code mvn -Pgpu}. */
    static String classifier() {
        return PROPERTIES.getProperty("tensorflow.classifier", "unknown");
    }

    static boolean isGpuBuild() {
        return classifier().contains("gpu");
    }

    @Override
    public String[] getVersion() {
        return new String[] {"foldbatch " + version() + " (TensorFlow " + classifier() + ", Java "
                + Runtime.version() + ")"};
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
