package org.foldbatch.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

import picocli.CommandLine.Option;

/** Where Foldbatch keeps its state: the job repository database and the data directory. */
final class ServiceOptions {

    @Option(names = "--db-url", paramLabel = "JDBC_URL", defaultValue = "${env:FOLDBATCH_DB_URL}",
            description = "Job repository and cache database, e.g. jdbc:postgresql://127.0.0.1:5432/foldbatch "
                    + "(env FOLDBATCH_DB_URL). Default: an embedded H2 file database under the data directory.")
    String dbUrl;

    @Option(names = "--db-user", defaultValue = "${env:FOLDBATCH_DB_USER}", description = "Database user (env FOLDBATCH_DB_USER).")
    String dbUser;

    @Option(names = "--db-password", defaultValue = "${env:FOLDBATCH_DB_PASSWORD}",
            description = "Database password (env FOLDBATCH_DB_PASSWORD).")
    String dbPassword;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "${env:FOLDBATCH_DATA_DIR}",
            description = "Directory for the embedded database and scratch files (env FOLDBATCH_DATA_DIR; default ~/.foldbatch).")
    Path dataDir;

    @Option(names = "--config", paramLabel = "FILE",
            description = "A properties or YAML file of foldbatch.* settings (database paths, CPUs, ...); see samples/foldbatch-sample.properties.")
    Path config;

    Map<String, Object> springProperties() {
        boolean database = dbUrl != null && !dbUrl.isBlank();
        return new FlagSettings()
                .put("foldbatch.data-dir", dataDir)
                .put("spring.datasource.url", database ? dbUrl : null)
                .put("spring.datasource.username", database ? Objects.requireNonNullElse(dbUser, "") : null)
                .put("spring.datasource.password", database ? Objects.requireNonNullElse(dbPassword, "") : null)
                .put("spring.config.additional-location", config == null ? null : "file:" + config.toAbsolutePath())
                .toMap();
    }
}
