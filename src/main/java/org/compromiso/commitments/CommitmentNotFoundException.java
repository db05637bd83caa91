package org.compromiso.commitments;

/** No commitment has this code (or the user may not see it). */
public class CommitmentNotFoundException extends RuntimeException {

    public CommitmentNotFoundException(String code) {
        super("No commitment " + code);
    }
}
