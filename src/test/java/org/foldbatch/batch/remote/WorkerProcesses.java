package org.foldbatch.batch.remote;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.foldbatch.TestDatabases;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The {@code foldbatch worker} processes of a remote test (killed with their children after each test), and the
 * launcher settings those tests share.
 */
final class WorkerProcesses implements AfterEachCallback {

    static final String BROKER = "amqp://guest:guest@127.0.0.1:5672";

    private final List<Process> started = new ArrayList<>();

    /** Settings of a launcher sending partitions to the stage queues named after {@code queue}, over PostgreSQL. */
    static Map<String, Object> launcher(Path dataDir, String queue, String timeout) {
        Map<String, Object> p = new LinkedHashMap<>(TestDatabases.postgres(dataDir));
        p.put("spring.config.additional-location", "file:samples/foldbatch-sample.properties");
        p.put("spring.rabbitmq.addresses", BROKER);
        p.put("foldbatch.remote.enabled", "true");
        p.put("foldbatch.remote.queue", queue);
        p.put("foldbatch.remote.poll-interval", "200ms");
        p.put("foldbatch.remote.timeout", timeout);
        return p;
    }

    /** Starts {@code foldbatch worker} with {@code arguments} in a child JVM on this test's class path. */
    Process start(Path log, List<String> arguments) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "org.foldbatch.cli.Main", "worker"));
        command.addAll(arguments);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        started.add(p);
        return p;
    }

    /** Removes a test's stage queues (and the inference size classes its workers declared) from the broker. */
    static void deleteQueues(ConfigurableApplicationContext ctx, String queue, int... sizes) {
        AmqpAdmin admin = ctx.getBean(AmqpAdmin.class);
        for (String stage : List.of("search", "featurise", "inference")) {
            admin.deleteQueue(queue + "." + stage);
        }
        for (int size : sizes) {
            admin.deleteQueue(queue + ".inference." + size);
        }
    }

    List<Process> all() {
        return List.copyOf(started);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        for (Process p : started) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        started.clear();
    }
}
