package org.foldbatch.cli;

import java.util.Map;

import org.foldbatch.FoldbatchApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the Spring context (database, Flyway, job repository, jobs) for the commands that need it. */
final class FoldbatchContext {

    private FoldbatchContext() {
    }

    static ConfigurableApplicationContext start(Map<String, Object> properties) {
        // As command-line arguments, CLI settings outrank application.properties and any --config file.
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        try {
            return new SpringApplicationBuilder(FoldbatchApplication.class)
                    .web(WebApplicationType.NONE)
                    .logStartupInfo(false)
                    .run(args);
        } catch (RuntimeException e) {
            Object url = properties.getOrDefault("spring.datasource.url", "(the embedded H2 database)");
            throw StartupFailures.describe(e, String.valueOf(url));
        }
    }
}
