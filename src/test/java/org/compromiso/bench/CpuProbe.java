package org.compromiso.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time spent by this JVM (the service and the harness) and by every PostgreSQL process on the machine, between
 * two readings: what one operation costs the machine, a figure that a shared machine's noisy neighbours disturb
 * far less than a rate. Linux only (/proc); elsewhere the PostgreSQL half reads as zero.
 */
record CpuProbe(long jvmNanos, long postgresTicks) {

    /** The kernel's clock ticks per second (USER_HZ), 100 on every Linux this runs on. */
    private static final double TICKS_PER_SECOND = 100;

    static CpuProbe now() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new CpuProbe(os.getProcessCpuTime(), readPostgresTicks());
    }

    /** Milliseconds of CPU per operation since {@code start}, for {@code operations} operations. */
    Per since(CpuProbe start, long operations) {
        double jvmMillis = (jvmNanos - start.jvmNanos) / 1e6;
        double postgresMillis = (postgresTicks - start.postgresTicks) * 1000 / TICKS_PER_SECOND;
        return new Per(jvmMillis / operations, postgresMillis / operations);
    }

    record Per(double jvmMillis, double postgresMillis) {
    }

    /** utime + stime of every process named postgres (servers, backends, background workers). */
    private static long readPostgresTicks() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToLong(CpuProbe::postgresTicksOf).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    private static long postgresTicksOf(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
            if (!name.startsWith("postgres")) {
                return 0;
            }
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0; // the process ended meanwhile
        }
    }
}
