package org.foldbatch.msa;

import java.lang.management.ManagementFactory;
import java.util.HashSet;
import java.util.Set;

/**
 * A weighted semaphore over the bytes of memory this process lets its searches use at once. Searches are admitted in
 * arrival order (a large one is not starved by small ones behind it); one estimated above the whole budget runs
 * alone rather than never.
 */
public final class MemoryBudget {

    private final long bytes;
    private long inUse;
    private long nextTicket;
    private long serving;
    private final Set<Long> abandoned = new HashSet<>();

    public MemoryBudget(long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("memory budget must be > 0 bytes, got " + bytes);
        }
        this.bytes = bytes;
    }

    /** The machine's physical memory, the default budget; null when the JVM cannot tell. */
    public static Long physicalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long total = os.getTotalMemorySize();
            return total > 0 ? total : null;
        }
        return null;
    }

    public long bytes() {
        return bytes;
    }

    /** Waits until {@code wanted} bytes fit (or nothing else runs) and takes them; returns the bytes taken. */
    public synchronized long acquire(long wanted) throws InterruptedException {
        long taken = Math.min(wanted, bytes);
        long ticket = nextTicket++;
        try {
            while (ticket != serving || inUse + taken > bytes) {
                wait();
            }
        } catch (InterruptedException e) {
            // Give the turn on, or the ticket behind this one would wait forever.
            abandoned.add(ticket);
            skipAbandoned();
            notifyAll();
            throw e;
        }
        inUse += taken;
        serving++;
        skipAbandoned();
        notifyAll();
        return taken;
    }

    public synchronized void release(long taken) {
        inUse -= taken;
        notifyAll();
    }

    /** Bytes taken by running searches now. */
    public synchronized long inUse() {
        return inUse;
    }

    private void skipAbandoned() {
        while (abandoned.remove(serving)) {
            serving++;
        }
    }
}
