package org.compromiso.platform;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The one time-zone rule: a date without a time (a target date, a report's day, a due date counted in days) is a
 * day of this zone, whatever the JVM's or PostgreSQL's zone; instants are instants. Our code reads the time from
 * the {@link Clock} built from it.
 */
@ConfigurationProperties("compromiso.time")
public record ServiceTime(ZoneId zone) {

    public ServiceTime {
        if (zone == null) {
            throw new IllegalArgumentException("compromiso.time.zone must be set, e.g. UTC");
        }
    }

    Clock clock() {
        return Clock.system(zone);
    }
}
