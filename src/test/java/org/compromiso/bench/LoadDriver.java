package org.compromiso.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Concurrent clients, each calling as fast as the service answers (a closed loop: a client waits for its answer
 * before its next call), over a shared pile of work or for a while. Every call's latency is recorded.
 */
final class LoadDriver {

    private LoadDriver() {
    }

    enum Outcome { OK, CONFLICT }

    /** One call of one client; an exception is an error of the run. */
    @FunctionalInterface
    interface Call<T> {
        Outcome call(int client, T item) throws Exception;
    }

    /** What a run did: its latencies, how many calls succeeded or met a concurrent change, its errors. */
    record Run(Latencies latencies, int ok, int conflicts, int errorCount, List<String> errors, Duration elapsed) {

        double perSecond() {
            return ok / (elapsed.toNanos() / 1e9);
        }

        double conflictPercent() {
            int calls = ok + conflicts + errorCount;
            return calls == 0 ? 0 : 100.0 * conflicts / calls;
        }
    }

    /** Each item is taken by one client. */
    static <T> Run forEach(int clients, Collection<T> work, Call<T> call) throws InterruptedException {
        Queue<T> pile = new ConcurrentLinkedQueue<>(work);
        return run(clients, () -> false, (client, ignored) -> {
            T item = pile.poll();
            return item == null ? null : call.call(client, item);
        });
    }

    /** Every client calls again and again until the time is up. */
    static Run during(int clients, Duration duration, Call<Integer> call) throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        return run(clients, () -> System.nanoTime() >= end, call);
    }

    /** A call answering null means the work is done. */
    private static Run run(int clients, BooleanSupplier timeUp, Call<Integer> call) throws InterruptedException {
        var latencies = new Latencies();
        var ok = new AtomicInteger();
        var conflicts = new AtomicInteger();
        var errorCount = new AtomicInteger();
        var errors = new CopyOnWriteArrayList<String>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        try {
            var running = new ArrayList<Future<?>>();
            for (int i = 0; i < clients; i++) {
                int client = i;
                running.add(pool.submit(() -> {
                    for (int iteration = 0; !timeUp.getAsBoolean(); iteration++) {
                        long before = System.nanoTime();
                        Outcome outcome;
                        try {
                            outcome = call.call(client, iteration);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        } catch (Exception e) {
                            if (errorCount.incrementAndGet() <= 10) {
                                errors.add(e.toString());
                            }
                            continue;
                        }
                        if (outcome == null) {
                            return;
                        }
                        latencies.record(System.nanoTime() - before);
                        (outcome == Outcome.OK ? ok : conflicts).incrementAndGet();
                    }
                }));
            }
            for (var each : running) {
                try {
                    each.get();
                } catch (ExecutionException e) {
                    errors.add(e.getCause().toString());
                    errorCount.incrementAndGet();
                }
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
        return new Run(latencies, ok.get(), conflicts.get(), errorCount.get(), List.copyOf(errors),
                Duration.ofNanos(System.nanoTime() - start));
    }
}
