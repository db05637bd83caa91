package org.compromiso.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A process's resident memory (VmRSS of /proc/PID/status) and this JVM's heap in use. This JVM holds the service and
 * the harness (its HTTP clients, its bookkeeping, GreenMail's mails): what it shows is an upper bound for the
 * service. The bare engine's JVM holds the bare engine alone.
 */
final class MemoryProbe implements AutoCloseable {

    private static final long MIB = 1024 * 1024;

    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    private final AtomicLong peakRss = new AtomicLong();

    /** Starts sampling this JVM's resident memory every 100 ms, for the peak under load. */
    static MemoryProbe sampling() {
        return sampling(ProcessHandle.current().pid());
    }

    /** Starts sampling that process's resident memory every 100 ms. */
    static MemoryProbe sampling(long pid) {
        var probe = new MemoryProbe();
        probe.sampler.scheduleAtFixedRate(() -> probe.peakRss.accumulateAndGet(rssBytes(pid), Math::max), 0, 100,
                TimeUnit.MILLISECONDS);
        return probe;
    }

    double peakRssMib() {
        return (double) peakRss.get() / MIB;
    }

    static double rssMib() {
        return rssMib(ProcessHandle.current().pid());
    }

    static double rssMib(long pid) {
        return (double) rssBytes(pid) / MIB;
    }

    static double heapUsedMib() {
        return (double) ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / MIB;
    }

    private static long rssBytes(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream().filter(line -> line.startsWith("VmRSS:"))
                    .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024).findFirst().orElse(0L);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
