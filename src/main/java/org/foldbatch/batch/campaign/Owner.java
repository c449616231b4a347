package org.foldbatch.batch.campaign;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;

/** The host and process a run belongs to, and whether such a process still runs. */
final class Owner {

    private Owner() {
    }

    static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String env = System.getenv("HOSTNAME");
            return env == null ? "unknown-host" : env;
        }
    }

    /** A live pid only counts if the process started before the run: pids are reused after a crash. */
    static boolean alive(String host, Long pid, Instant runStarted) {
        if (host == null || pid == null || !host.equals(host())) {
            return host != null;
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .map(p -> p.info().startInstant().map(start -> runStarted == null || !start.isAfter(runStarted))
                        .orElse(true))
                .orElse(false);
    }
}
