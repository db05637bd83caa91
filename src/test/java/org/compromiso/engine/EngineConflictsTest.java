package org.compromiso.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;

class EngineConflictsTest {

    final EngineConflicts conflicts = new EngineConflicts();

    @Test
    void aCommandThatMetTheJobExecutorRunsAgainUntilItCommits() {
        var attempts = new AtomicInteger();

        String result = conflicts.retried(() -> {
            if (attempts.incrementAndGet() < EngineConflicts.ATTEMPTS) {
                throw new OptimisticLockingException("ENGINE-03005 the timer was updated by another transaction");
            }
            return "moved";
        });

        assertThat(result).isEqualTo("moved");
        assertThat(attempts).hasValue(EngineConflicts.ATTEMPTS);
    }

    @Test
    void aConflictThatLastsReachesTheCallerAfterTheLastAttempt() {
        var attempts = new AtomicInteger();

        assertThatThrownBy(() -> conflicts.retried(() -> {
            attempts.incrementAndGet();
            throw new OptimisticLockingException("always");
        })).isInstanceOf(OptimisticLockingException.class);
        assertThat(attempts).hasValue(EngineConflicts.ATTEMPTS);
    }

    @Test
    void anyOtherFailureIsNotRetried() {
        var attempts = new AtomicInteger();

        assertThatThrownBy(() -> conflicts.retried(() -> {
            attempts.incrementAndGet();
            throw new ProcessEngineException("no processes deployed with key 'NoSuchProcess'");
        })).isInstanceOf(ProcessEngineException.class);
        assertThat(attempts).hasValue(1);
    }
}
