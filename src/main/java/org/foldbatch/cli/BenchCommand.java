package org.foldbatch.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import org.foldbatch.batch.DataPipelineBench;
import org.foldbatch.batch.Preflight;
import org.foldbatch.input.FoldInput;
import org.foldbatch.input.FoldInputLoader;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code foldbatch bench}: prints the data pipeline's figures (not a test: nothing here passes or fails). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Print data-pipeline figures: fold-job wall time with every search cached, and MSA cache-hit "
                + "latency for a 10,000-row MSA, on the configured database.",
        footer = {"", "Example:  foldbatch bench samples/inputs/response_regulator_u6.json "
                + "--config samples/foldbatch-sample.properties --db-url jdbc:postgresql://127.0.0.1:5432/test"})
final class BenchCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "INPUT", description = "The input whose fold job is timed.")
    Path input;

    @Option(names = "--repeats", defaultValue = "10", description = "Timed runs (default ${DEFAULT-VALUE}).")
    int repeats;

    @Mixin
    SearchOptions search = new SearchOptions();

    @Mixin
    ServiceOptions service = new ServiceOptions();

    @Override
    public Integer call() throws Exception {
        FoldInput fold = new FoldInputLoader().load(input).get(0);
        Map<String, Object> properties = service.springProperties();
        properties.putAll(search.springProperties());
        Path out = Files.createTempDirectory("foldbatch-bench");
        try (ConfigurableApplicationContext ctx = FoldbatchContext.start(properties)) {
            ctx.getBean(Preflight.class).check(java.util.List.of(fold));
            ctx.getBean(DataPipelineBench.class).run(fold, out, repeats, System.out);
        }
        return 0;
    }
}
