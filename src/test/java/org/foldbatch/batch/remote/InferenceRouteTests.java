package org.foldbatch.batch.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class InferenceRouteTests {

    private static JdbcFleet.LiveWorker worker(Set<Stage> stages, int maxTokens) {
        return new JdbcFleet.LiveWorker("h", maxTokens, stages, maxTokens);
    }

    private static final Set<Stage> GPU = EnumSet.of(Stage.INFERENCE);
    private static final Set<Stage> CPU = EnumSet.of(Stage.SEARCH, Stage.FEATURISE);

    @Test
    void aBucketGoesToTheSmallestLiveClassThatFitsIt() {
        List<JdbcFleet.LiveWorker> fleet = List.of(worker(GPU, 1280), worker(GPU, 5120), worker(GPU, 4352),
                worker(CPU, 0));
        assertThat(InferenceRoute.of(256, fleet)).isEqualTo(new InferenceRoute.Send(1280));
        assertThat(InferenceRoute.of(1280, fleet)).isEqualTo(new InferenceRoute.Send(1280));
        assertThat(InferenceRoute.of(1536, fleet)).isEqualTo(new InferenceRoute.Send(4352));
        assertThat(InferenceRoute.of(4608, fleet)).isEqualTo(new InferenceRoute.Send(5120));
    }

    @Test
    void workersWithoutALimitTakeWhatNoLimitedClassFits() {
        List<JdbcFleet.LiveWorker> fleet = List.of(worker(GPU, 1280), worker(EnumSet.allOf(Stage.class), 0));
        assertThat(InferenceRoute.of(512, fleet)).isEqualTo(new InferenceRoute.Send(1280));
        assertThat(InferenceRoute.of(2048, fleet)).isEqualTo(new InferenceRoute.Send(0));
    }

    @Test
    void aBucketOverEveryLiveLimitIsHeldWithItsBucketAndTheLargestLimit() {
        List<JdbcFleet.LiveWorker> fleet = List.of(worker(GPU, 128), worker(GPU, 256), worker(CPU, 0));
        assertThat(InferenceRoute.of(384, fleet)).isEqualTo(new InferenceRoute.Hold(
                "token bucket 384 is larger than every live inference worker (largest --max-tokens 256)", true));
        assertThat(InferenceRoute.of(384, List.of(worker(CPU, 0)))).isEqualTo(
                new InferenceRoute.Hold("no live inference worker", false));
    }

    @Test
    void stageQueuesComeFromThePrefixUnlessNamed() {
        RemoteProperties prefix = properties(null, "search,inference", 1280);
        assertThat(prefix.queueOf(Stage.SEARCH)).isEqualTo("fb.search");
        assertThat(prefix.queueOf(Stage.FEATURISE)).isEqualTo("fb.featurise");
        assertThat(prefix.inferenceQueue(1280)).isEqualTo("fb.inference.1280");
        assertThat(prefix.inferenceQueue(0)).isEqualTo("fb.inference");
        assertThat(RemotePartitioningConfiguration.workerQueues(prefix)).containsExactly("fb.search",
                "fb.inference.1280");
        RemoteProperties named = properties(new RemoteProperties.Queues("cpu-q", " ", "gpu-q"), "all", 0);
        assertThat(RemotePartitioningConfiguration.workerQueues(named)).containsExactly("cpu-q", "fb.featurise",
                "gpu-q");
        assertThatThrownBy(() -> Stage.parse("search,gpu")).hasMessage(
                "foldbatch.remote.stages: 'gpu' is not a stage (search, featurise, inference or all)");
    }

    private static RemoteProperties properties(RemoteProperties.Queues queues, String stages, int maxTokens) {
        return new RemoteProperties(true, "fb", queues, Duration.ofMillis(100), Duration.ofMinutes(1),
                Duration.ofMinutes(1), Duration.ofSeconds(5), 1, stages, maxTokens, false);
    }
}
