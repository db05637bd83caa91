package org.compromiso.commitments;

import java.time.OffsetDateTime;
import java.util.Map;

/** One change to a commitment, as the append-only history keeps it. */
public record HistoryEntry(OffsetDateTime at, String actor, String surface, String action, Map<String, Object> detail,
                           String reason) {
}
