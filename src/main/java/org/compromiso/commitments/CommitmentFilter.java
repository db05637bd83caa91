package org.compromiso.commitments;

import java.util.Set;

/**
 * Which commitments a list shows; null fields do not filter. {@code visibleTo} limits the list to commitments in
 * which one of these agencies takes part (null: no limit).
 */
public record CommitmentFilter(String meeting, String agency, String lifecycle, String kind, Set<String> visibleTo) {

    public CommitmentFilter(String meeting, String agency, String lifecycle, String kind) {
        this(meeting, agency, lifecycle, kind, null);
    }
}
