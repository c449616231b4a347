package org.foldbatch.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import org.foldbatch.FoldbatchApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the Spring context (database, Flyway, job repository, jobs) for the commands that need it. */
final class FoldbatchContext {

    private FoldbatchContext() {
    }

    /** The settings of several groups of flags in one map; a later group wins over an earlier one. */
    @SafeVarargs
    static Map<String, Object> layered(Map<String, Object>... groups) {
        Map<String, Object> all = new LinkedHashMap<>();
        for (Map<String, Object> group : groups) {
            all.putAll(group);
        }
        return all;
    }

    static ConfigurableApplicationContext start(Map<String, Object> properties) {
        return start(properties, WebApplicationType.NONE);
    }

    /** Only {@code serve} asks for a servlet context; it must also set {@code spring.main.web-application-type}. */
    static ConfigurableApplicationContext start(Map<String, Object> properties, WebApplicationType type) {
        try {
            return new SpringApplicationBuilder(FoldbatchApplication.class)
                    .web(type)
                    .logStartupInfo(false)
                    .run(arguments(properties));
        } catch (RuntimeException e) {
            Object url = properties.getOrDefault("spring.datasource.url", "(the embedded H2 database)");
            throw StartupFailures.describe(e, String.valueOf(url));
        }
    }

    /** As command-line arguments, CLI settings outrank application.properties and any --config file. */
    static String[] arguments(Map<String, Object> properties) {
        return properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
    }
}
