package org.compromiso.commitments;

import java.util.List;

/** One page of a commitment list. */
public record CommitmentPage(List<CommitmentSummary> items, int page, int size, long total) {
}
