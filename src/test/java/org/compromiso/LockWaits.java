package org.compromiso;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * For tests that hold one transaction open while another change of the same thing runs: which PostgreSQL connection
 * a transaction has, and whether another waits for its locks, so the moment two changes meet is certain.
 */
public final class LockWaits {

    private LockWaits() {
    }

    /** Whether a connection waits for a lock the given one holds, for at least that long. */
    public static boolean blockedBy(JdbcClient jdbc, int holder, long forMillis) {
        return jdbc.sql("SELECT count(*) FROM pg_stat_activity WHERE ? = ANY (pg_blocking_pids(pid))"
                        + " AND now() - query_start >= make_interval(secs => ? / 1000.0)")
                .params(holder, forMillis).query(Long.class).single() > 0;
    }

    /** The current transaction's PostgreSQL connection. */
    public static int backend(JdbcClient jdbc) {
        return jdbc.sql("SELECT pg_backend_pid()").query(Integer.class).single();
    }

    /** Keeps the current transaction open until the test lets it go. */
    public static void hold(CountDownLatch latch) {
        try {
            assertThat(latch.await(60, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
