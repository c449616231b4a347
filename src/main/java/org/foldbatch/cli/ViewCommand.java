package org.foldbatch.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.foldbatch.FoldbatchException;
import org.foldbatch.batch.JobHistory;
import org.foldbatch.output.report.FoldPage;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code foldbatch view JOB|DIR}: (re)writes a finished fold's report page, e.g. for outputs written before the
 * ranking step wrote pages, or by AlphaFold 3 itself. Prints the page's path on stdout.
 */
@Command(name = "view", mixinStandardHelpOptions = true,
        description = "Write <name>_report.html for a finished fold: a fold output directory, or a job execution id "
                + "(its output directory from the job repository). Prints the page's path.")
final class ViewCommand implements Callable<Integer> {

    @Mixin
    ServiceOptions service = new ServiceOptions();

    @Parameters(arity = "1..*", paramLabel = "JOB|DIR")
    java.util.List<String> targets;

    @Override
    public Integer call() {
        ConfigurableApplicationContext ctx = null;
        try {
            for (String target : targets) {
                Path dir;
                if (Files.isDirectory(Path.of(target))) {
                    dir = Path.of(target);
                } else if (target.matches("\\d+")) {
                    if (ctx == null) {
                        ctx = FoldbatchContext.start(service.springProperties());
                    }
                    dir = ctx.getBean(JobHistory.class).foldDirectory(Long.parseLong(target));
                } else {
                    throw new FoldbatchException(target + ": neither a directory nor a job execution id");
                }
                System.out.println(FoldPage.write(dir).toAbsolutePath());
            }
            return 0;
        } finally {
            if (ctx != null) {
                ctx.close();
            }
        }
    }
}
