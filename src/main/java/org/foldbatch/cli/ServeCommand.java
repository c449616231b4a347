package org.foldbatch.cli;

import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code foldbatch serve}: the read-only dashboard. The only command that starts a web server; it binds to the
 * loopback address unless told otherwise.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve a read-only dashboard over the job repository: running steps and partitions with "
                + "worker and heartbeat, jobs and steps, campaigns with their pages and fold pages, runs, failures.")
final class ServeCommand implements java.util.concurrent.Callable<Integer> {

    @Mixin
    ServiceOptions service = new ServiceOptions();

    @Option(names = "--port", defaultValue = "8080", description = "TCP port (default ${DEFAULT-VALUE}; 0 any free).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1",
            description = "Address to listen on (default ${DEFAULT-VALUE}: this machine only).")
    String bind;

    @Override
    public Integer call() throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        ConfigurableApplicationContext ctx = start(service.springProperties(), bind, port);
        ctx.addApplicationListener(e -> {
            if (e instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
        ctx.registerShutdownHook();
        System.err.println("Serving the dashboard at http://" + bind + ":"
                + ctx.getEnvironment().getProperty("local.server.port") + "/ (read only; Ctrl-C stops)");
        closed.await();
        return 0;
    }

    /** The web context: the same database settings as every command, plus the server's address and port. */
    static ConfigurableApplicationContext start(Map<String, Object> properties, String bind, int port) {
        Map<String, Object> all = new java.util.LinkedHashMap<>(properties);
        // As arguments they outrank application.properties, which keeps every other command off the web.
        all.put("spring.main.web-application-type", "servlet");
        all.put("server.address", bind);
        all.put("server.port", port);
        return FoldbatchContext.start(all, WebApplicationType.SERVLET);
    }
}
