package org.compromiso.catalog;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The demo's time machine, and the one place the service uses an internal class of the engine: Camunda's public
 * API cannot move the engine's clock, and the replay of the record ({@link DemoReplay}) acts on the days the
 * agencies did. Demo only: a move to a compatible fork is still a dependency change, and production never moves
 * time. Our own clock follows the engine's here, so a form's "not before today", a history entry and a timer agree
 * on what today is; when the clock is reset, both are the system's time again.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "compromiso.demo.enabled", havingValue = "true")
class DemoClock {

    @Bean
    @Primary
    Clock engineFollowingClock(@Qualifier("clock") Clock system) {
        return new EngineTime(system.getZone());
    }

    void moveTo(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    /** How far the engine's clock stands from the system's now: 0 unless someone (a test) set it. */
    long offset() {
        return ClockUtil.getCurrentTime().getTime() - System.currentTimeMillis();
    }

    /**
     * Back to the time it was before the replay moved it: the system's time, or, for a clock that someone had set
     * (a test of downtime at a date of its own), that time again, as far on as the replay took.
     */
    void restore(long offset) {
        if (Math.abs(offset) < 1_000) {
            ClockUtil.reset();
        } else {
            ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + offset));
        }
    }

    private static final class EngineTime extends Clock {

        private final ZoneId zone;

        EngineTime(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new EngineTime(other);
        }

        @Override
        public Instant instant() {
            return ClockUtil.getCurrentTime().toInstant();
        }
    }
}
