package org.foldbatch.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.foldbatch.TestProcesses.dataPipelineRun;
import static org.foldbatch.TestProcesses.start;
import static org.foldbatch.TestProcesses.read;
import static org.foldbatch.TestProcesses.slowHmmerWrappers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.foldbatch.IntegrationTest;
import org.foldbatch.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Issue 12, item 9: PostgreSQL going away mid-run. The run reaches PostgreSQL through a TCP relay in this JVM, which
 * the test closes (every connection cut, new ones refused) while the gene search runs: the command must end soon with
 * a short report and no stack trace, and the same command against the database completes the job.
 */
@IntegrationTest
class DatabaseLossFunctionalTests {

    @TempDir
    Path dir;

    @Test
    void aDatabaseStoppedMidRunFailsFastInOneLineAndTheRelaunchCompletes() throws Exception {
        String direct = TestDatabases.newPostgresSchema("fbloss");
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(direct, TestDatabases.POSTGRES_USER, ""));
        Path hmmer = slowHmmerWrappers(dir.resolve("hmmer"), "1.5");
        Path input = dir.resolve("lost.json");
        Files.writeString(input, """
                {"dialect": "alphafold3", "version": 4, "name": "lost", "modelSeeds": [1],
                 "sequences": [{"protein": {"id": "A", "sequence": "%s"}}]}
                """.formatted(FoldJobFunctionalTests.RESPONSE_REGULATOR));
        try (Relay relay = new Relay(5432)) {
            String relayed = direct.replace(":5432/", ":" + relay.port() + "/");
            Process first = start(dataPipelineRun(dir, relayed, hmmer, input), dir.resolve("first.log"));
            Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                    .until(() -> !first.isAlive() || geneSearchStarted(jdbc));
            assertThat(first.isAlive()).as(read(dir.resolve("first.log"))).isTrue();

            relay.close();
            long cut = System.nanoTime();
            assertThat(first.waitFor(90, TimeUnit.SECONDS)).as("still running 90 s after the database went away")
                    .isTrue();
            double seconds = (System.nanoTime() - cut) / 1e9;
            String log = read(dir.resolve("first.log"));
            System.out.printf("database lost: the run ended %.1f s later with %d log lines%n", seconds,
                    log.lines().count());

            assertThat(first.exitValue()).as(log).isNotZero();
            assertThat(log).as(log).doesNotContain("\tat ");
            assertThat(log.lines().filter(l -> l.startsWith("error: ") || l.startsWith("lost: "))).as(log).isNotEmpty();
        }

        Process second = start(dataPipelineRun(dir, direct, hmmer, input), dir.resolve("second.log"));
        assertThat(second.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(second.exitValue()).as(read(dir.resolve("second.log"))).isZero();
        assertThat(dir.resolve("out/lost/lost_data.json")).exists();
    }

    private static boolean geneSearchStarted(JdbcTemplate jdbc) {
        try {
            return jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE 'geneSearchChain:%'",
                    Integer.class) > 0;
        } catch (RuntimeException notMigratedYet) {
            return false;
        }
    }

    /** A TCP relay to 127.0.0.1:target; closing it cuts every connection and refuses new ones. */
    static final class Relay implements AutoCloseable {

        private final ServerSocket server;
        private final List<Socket> sockets = new CopyOnWriteArrayList<>();

        Relay(int target) throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread accept = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket client = server.accept();
                        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                        sockets.add(client);
                        sockets.add(upstream);
                        pump(client, upstream);
                        pump(upstream, client);
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            accept.setDaemon(true);
            accept.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private static void pump(Socket from, Socket to) {
            Thread t = new Thread(() -> {
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    in.transferTo(out);
                } catch (IOException cut) {
                    // the relay was closed
                }
            });
            t.setDaemon(true);
            t.start();
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket s : sockets) {
                s.close();
            }
        }
    }
}
