package org.compromiso;

import java.time.ZoneId;

/**
 * The zone whose days the service counts in the tests: {@code compromiso.time.zone} as application.yaml sets it.
 * Tests compare dates the service made with days of this zone, never of the JVM's, so they pass in any JVM zone.
 */
public final class ServiceZone {

    public static final ZoneId ZONE = ZoneId.of("UTC");

    private ServiceZone() {
    }
}
