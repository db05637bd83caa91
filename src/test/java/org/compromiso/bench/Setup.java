package org.compromiso.bench;

import java.util.ArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/** Generating a scenario's data through the engine's Java API, in a few threads: setup is not what is measured. */
final class Setup {

    /** Four threads keep both cores and PostgreSQL busy while one thread waits for a commit. */
    static final int THREADS = 4;

    private Setup() {
    }

    /**
     * Does after a bulk setup what autovacuum would within a minute or two (since PostgreSQL 13 it vacuums tables
     * that only grew, too): statistics, or a scenario measured right after its tables grew a hundredfold runs on
     * plans for empty tables; and the visibility map, or no index-only scan pays off (the engine's scan of every
     * group holding a grant, on each authenticated request, took three times as long without).
     */
    static void vacuumAnalyze(ServiceUnderTest service) {
        service.jdbc().sql("VACUUM ANALYZE").update();
    }

    /** Calls {@code each} once for every index below {@code count}; the first failure fails the setup. */
    static void inParallel(int count, IntConsumer each) throws InterruptedException {
        var next = new AtomicInteger();
        var pool = Executors.newFixedThreadPool(THREADS);
        try {
            var workers = new ArrayList<Future<?>>();
            for (int i = 0; i < THREADS; i++) {
                workers.add(pool.submit(() -> {
                    for (int index = next.getAndIncrement(); index < count; index = next.getAndIncrement()) {
                        each.accept(index);
                    }
                }));
            }
            for (var worker : workers) {
                worker.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("setup failed", e.getCause());
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
    }
}
