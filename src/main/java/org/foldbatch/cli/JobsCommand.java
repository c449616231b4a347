package org.foldbatch.cli;

import java.util.List;
import java.util.concurrent.Callable;

import org.foldbatch.FoldbatchException;
import org.foldbatch.batch.JobHistory;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code foldbatch jobs}: recent fold jobs and their status, read from the job repository. */
@Command(name = "jobs", mixinStandardHelpOptions = true,
        description = "List recent jobs and their status from the job repository.")
final class JobsCommand implements Callable<Integer> {

    @Mixin
    ServiceOptions service = new ServiceOptions();

    @Option(names = "--limit", defaultValue = "20", description = "How many executions to list (default ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
        if (limit < 1) {
            throw new FoldbatchException("--limit: the number of executions to list must be 1 or more, got " + limit);
        }
        try (ConfigurableApplicationContext ctx = FoldbatchContext.start(service.springProperties())) {
            List<JobHistory.Row> rows = ctx.getBean(JobHistory.class).recent(limit);
            System.out.printf("%-8s %-10s %-32s %-20s %-10s %-9s %s%n", "exec", "job", "name", "started", "status",
                    "seconds", "exit message");
            for (JobHistory.Row r : rows) {
                System.out.printf("%-8d %-10s %-32s %-20s %-10s %-9s %s%n", r.executionId(), r.jobName(), r.inputName(),
                        r.started(), r.status(), r.seconds() == null ? "" : String.format("%.1f", r.seconds()),
                        r.exitMessage());
            }
            return 0;
        }
    }
}
