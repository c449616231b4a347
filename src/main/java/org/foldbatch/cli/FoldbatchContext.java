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
        return start(properties, WebApplicationType.NONE);
    }

    /** Only {@code serve} asks for a servlet context; it must also set {@code spring.main.web-application-type}. */
    static ConfigurableApplicationContext start(Map<String, Object> properties, WebApplicationType type) {
        // As command-line arguments, CLI settings outrank application.properties and any --config file.
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(FoldbatchApplication.class)
                .web(type)
                .logStartupInfo(false)
                .run(args);
    }
}
