package org.foldbatch.util;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;

/**
 * The host and process that own a job execution, campaign run or partition, as recorded in the database, and whether
 * that owner still runs. Only a process on this host can be checked; a live pid counts only if the process started
 * before the work did, because pids are reused after a crash.
 */
public record ProcessOwner(String host, long pid) {

    /** This process. */
    public static ProcessOwner current() {
        return new ProcessOwner(hostName(), ProcessHandle.current().pid());
    }

    /** The name this machine goes by in the database. */
    public static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String env = System.getenv("HOSTNAME");
            return env == null ? "unknown-host" : env;
        }
    }

    public boolean onThisHost() {
        return host.equals(hostName());
    }

    /** Whether the owner may still run: a process on another host cannot be checked from here, so it may. */
    public boolean mayRunSince(Instant workStarted) {
        return !onThisHost() || aliveSince(workStarted);
    }

    /**
     * This process as one string, {@code "host pid start-millis"}: what a claim or hold row records, so that another
     * process can tell whether its holder still runs ({@link #tokenMayRun}) even after the pid was reused.
     */
    public static String currentToken() {
        return hostName() + " " + ProcessHandle.current().pid() + " "
                + ProcessHandle.current().info().startInstant().map(i -> i.toEpochMilli()).orElse(0L);
    }

    /**
     * Whether the process a {@link #currentToken} names may still run: false only when it ran on this host and no
     * process with its pid and start time runs now. Another host's process cannot be checked from here, so it may.
     */
    public static boolean tokenMayRun(String token) {
        String[] parts = token.split(" ");
        if (parts.length != 3 || !parts[0].equals(hostName())) {
            return true;
        }
        try {
            long start = Long.parseLong(parts[2]);
            return ProcessHandle.of(Long.parseLong(parts[1])).filter(ProcessHandle::isAlive)
                    .map(p -> p.info().startInstant().map(i -> i.toEpochMilli() == start).orElse(true))
                    .orElse(false);
        } catch (NumberFormatException e) {
            return true;
        }
    }

    /** Whether this host's process {@code pid} runs and started no later than {@code workStarted} (null: any time). */
    public boolean aliveSince(Instant workStarted) {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .map(p -> p.info().startInstant().map(start -> workStarted == null || !start.isAfter(workStarted))
                        .orElse(true))
                .orElse(false);
    }
}
