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
 * This JVM's resident memory (VmRSS of /proc/self/status) and heap in use. The JVM holds the service and the
 * harness (its HTTP clients, its bookkeeping, GreenMail's mails): what it shows is an upper bound for the service.
 */
final class MemoryProbe implements AutoCloseable {

    private static final long MIB = 1024 * 1024;

    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    private final AtomicLong peakRss = new AtomicLong();

    /** Starts sampling the resident memory every 100 ms, for the peak under load. */
    static MemoryProbe sampling() {
        var probe = new MemoryProbe();
        probe.sampler.scheduleAtFixedRate(() -> probe.peakRss.accumulateAndGet(rssBytes(), Math::max), 0, 100,
                TimeUnit.MILLISECONDS);
        return probe;
    }

    double peakRssMib() {
        return (double) peakRss.get() / MIB;
    }

    static double rssMib() {
        return (double) rssBytes() / MIB;
    }

    static double heapUsedMib() {
        return (double) ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / MIB;
    }

    private static long rssBytes() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(line -> line.startsWith("VmRSS:"))
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
