package org.foldbatch.cli;

import java.util.Map;

import picocli.CommandLine.Option;

/** The RabbitMQ broker remote partitions go through. */
final class RemoteOptions {

    @Setting("spring.rabbitmq.addresses")
    @Option(names = "--broker", paramLabel = "AMQP_URI", defaultValue = "${env:FOLDBATCH_BROKER}",
            description = "RabbitMQ broker, e.g. amqp://guest:guest@127.0.0.1:5672 (env FOLDBATCH_BROKER; default: "
                    + "spring.rabbitmq.* settings, else localhost).")
    String broker;

    @Setting("foldbatch.remote.queue")
    @Option(names = "--queue", paramLabel = "NAME", description = "Partition queue (default foldbatch.partitions).")
    String queue;

    Map<String, Object> springProperties() {
        return FlagSettings.of(this);
    }
}
