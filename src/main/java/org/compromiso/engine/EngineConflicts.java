package org.compromiso.engine;

import java.time.Duration;
import java.util.function.Supplier;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.retry.support.RetryTemplate;
import org.springframework.stereotype.Component;

/**
 * Runs a user's command again when it met other work on the same process instance: the job executor firing a
 * reminder timer of a deadline the command deletes, say. The engine then refuses the later commit with an
 * {@link OptimisticLockingException} and rolls it back whole, and Camunda's answer is to retry the transaction.
 * Each attempt must be a transaction of its own, so this wraps a call from outside one (a controller).
 */
@Component
public class EngineConflicts {

    static final int ATTEMPTS = 3;

    private final RetryTemplate retry = RetryTemplate.builder()
            .maxAttempts(ATTEMPTS)
            .exponentialBackoff(Duration.ofMillis(50), 2, Duration.ofMillis(400))
            .retryOn(OptimisticLockingException.class)
            .traversingCauses()
            .build();

    public <T> T retried(Supplier<T> command) {
        return retry.execute(attempt -> command.get());
    }

    public void retried(Runnable command) {
        retried(() -> {
            command.run();
            return null;
        });
    }
}
