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
     * Brings the planner's statistics up to date after a bulk setup, as autovacuum would within a minute or two:
     * a scenario measured right after the tables grew a hundredfold would otherwise run on plans for empty tables.
     */
    static void analyze(ServiceUnderTest service) {
        service.jdbc().sql("ANALYZE").update();
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
