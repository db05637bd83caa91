package org.compromiso.identity;

/** A government agency; its code is also the id of its Camunda group. */
public record Agency(String code, String party, String shortName, String nameEn, String nameEs, String timeZone) {
}
