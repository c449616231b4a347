package org.foldbatch.batch;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.foldbatch.FoldbatchApplication;
import org.foldbatch.TestDatabases;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A Foldbatch Spring context on H2 or PostgreSQL with the sample databases, as the CLI would start it. */
public final class FoldbatchTestContext {

    private FoldbatchTestContext() {
    }

    public static Map<String, Object> properties(String vendor, Path dataDir) {
        Map<String, Object> p = new LinkedHashMap<>(
                vendor.equals("postgresql") ? TestDatabases.postgres(dataDir) : TestDatabases.h2(dataDir));
        p.put("spring.config.additional-location", "file:samples/foldbatch-sample.properties");
        return p;
    }

    /** H2 settings for folds with the random test model: samples, diffusion steps and recycles as given. */
    public static Map<String, Object> inference(Path dataDir, Path modelDir, int samples, int steps, int recycles) {
        Map<String, Object> p = properties("h2", dataDir);
        p.put("foldbatch.inference.model-dir", modelDir.toString());
        p.put("foldbatch.inference.num-samples", Integer.toString(samples));
        p.put("foldbatch.inference.diffusion-steps", Integer.toString(steps));
        p.put("foldbatch.inference.num-recycles", Integer.toString(recycles));
        return p;
    }

    public static ConfigurableApplicationContext start(Map<String, Object> properties) {
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(FoldbatchApplication.class).web(WebApplicationType.NONE)
                .logStartupInfo(false).run(args);
    }
}
