package org.foldbatch.model.bench;

import java.util.HashMap;
import java.util.Map;
import org.tensorflow.proto.NodeExecStats;
import org.tensorflow.proto.StepStats;

/** Summed wall time per TensorFlow op type of one traced run, largest first, with its share of the sum. */
final class OpProfile {
    private OpProfile() {
    }

    static void print(StepStats stats, int top) {
        Map<String, Long> byOp = new HashMap<>();
        for (var device : stats.getDevStatsList()) {
            for (NodeExecStats ns : device.getNodeStatsList()) {
                String label = ns.getTimelineLabel();
                String op = label.contains("= ") ? label.substring(label.indexOf("= ") + 2) : label;
                op = op.contains("(") ? op.substring(0, op.indexOf('(')) : op;
                byOp.merge(op.isBlank() ? ns.getNodeName() : op, ns.getAllEndRelMicros(), Long::sum);
            }
        }
        long total = byOp.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("%10.1f ms  all ops%n", total / 1000.0);
        byOp.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(top)
                .forEach(e -> System.out.printf("%10.1f ms  %5.1f%%  %s%n", e.getValue() / 1000.0,
                        100.0 * e.getValue() / total, e.getKey()));
    }
}
