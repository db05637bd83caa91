package org.compromiso.reminders;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The outbox in health and metrics: how many reminders wait, and how many failed for good. A failed reminder
 * does not take the service down, but it shows, with its count, on {@code /actuator/health} and as the gauge
 * {@code compromiso.reminders{state=failed}}.
 */
@Component("reminders")
class ReminderHealth extends AbstractHealthIndicator implements MeterBinder {

    private final ReminderOutbox outbox;

    ReminderHealth(ReminderOutbox outbox) {
        this.outbox = outbox;
    }

    /** Counting needs the database: when it is away, this is DOWN with the reason, not an error of the endpoint. */
    @Override
    protected void doHealthCheck(Health.Builder health) {
        var counts = outbox.countByState();
        (counts.get("failed") > 0 ? health.status("WARNING") : health.up()).withDetails(new java.util.HashMap<>(counts));
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String state : new String[] {"pending", "sent", "failed"}) {
            Gauge.builder("compromiso.reminders", outbox, o -> o.countByState().get(state))
                    .tag("state", state).description("Reminders in the outbox by state").register(registry);
        }
    }
}
