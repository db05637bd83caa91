package org.compromiso.commitments;

/** Which commitments a list shows; null fields do not filter. */
public record CommitmentFilter(String meeting, String agency, String lifecycle, String kind) {
}
