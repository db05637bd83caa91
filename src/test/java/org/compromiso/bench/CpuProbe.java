package org.compromiso.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * CPU time spent by this JVM (the service and the harness), with the bare engine's JVM when asked, and by every
 * PostgreSQL process on the machine, between two readings: what one operation costs the machine, a figure that a
 * shared machine's noisy neighbours disturb far less than a rate. Linux only (/proc); elsewhere the PostgreSQL half reads as zero.
 */
record CpuProbe(long jvmNanos, long postgresTicks, long otherTicks) {

    /** The kernel's clock ticks per second (USER_HZ), 100 on every Linux this runs on. */
    private static final double TICKS_PER_SECOND = 100;

    static CpuProbe now() {
        return now(-1);
    }

    /** Also counts the JVM of another process, the bare engine's, with this one's (the harness). */
    static CpuProbe now(long otherPid) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new CpuProbe(os.getProcessCpuTime(), readPostgresTicks(),
                otherPid < 0 ? 0 : ticksOf(Path.of("/proc", String.valueOf(otherPid)), name -> true));
    }

    /** Milliseconds of CPU per operation since {@code start}, for {@code operations} operations. */
    Per since(CpuProbe start, long operations) {
        double jvmMillis = (jvmNanos - start.jvmNanos) / 1e6 + (otherTicks - start.otherTicks) * 1000 / TICKS_PER_SECOND;
        double postgresMillis = (postgresTicks - start.postgresTicks) * 1000 / TICKS_PER_SECOND;
        return new Per(jvmMillis / operations, postgresMillis / operations);
    }

    record Per(double jvmMillis, double postgresMillis) {
    }

    /** utime + stime of every process named postgres (servers, backends, background workers). */
    private static long readPostgresTicks() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToLong(process -> ticksOf(process, name -> name.startsWith("postgres"))).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    /** utime + stime of that process, if its name is one of those asked for. */
    private static long ticksOf(Path process, Predicate<String> named) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
            if (!named.test(name)) {
                return 0;
            }
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0; // the process ended meanwhile
        }
    }
}
