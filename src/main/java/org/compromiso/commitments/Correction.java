package org.compromiso.commitments;

/** One field of a registered record that was corrected: from what, to what (text as it was shown to the desk). */
public record Correction(String field, String from, String to) {
}
