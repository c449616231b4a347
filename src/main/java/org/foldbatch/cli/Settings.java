package org.foldbatch.cli;

import java.util.Map;

import org.foldbatch.batch.FoldbatchProperties;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The settings a run would use (flags, {@code --config} file, application.properties), bound without starting the
 * database, Flyway or any job: for the doctor, and for finding HMMER before the real context starts.
 */
record Settings(FoldbatchProperties foldbatch, Environment environment) {

    static Settings load(Map<String, Object> properties) {
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(BindOnly.class)
                .web(WebApplicationType.NONE).logStartupInfo(false).run(FoldbatchContext.arguments(properties))) {
            return new Settings(ctx.getBean(FoldbatchProperties.class), ctx.getEnvironment());
        }
    }

    String get(String key) {
        return environment.getProperty(key);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(FoldbatchProperties.class)
    static class BindOnly {
    }
}
