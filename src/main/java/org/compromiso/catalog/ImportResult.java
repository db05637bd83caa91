package org.compromiso.catalog;

import java.util.List;

/** What an import did: the meeting, the commitments it registered and those that were there already. */
public record ImportResult(String meeting, boolean meetingCreated, List<String> registered, List<String> unchanged) {
}
