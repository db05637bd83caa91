package org.compromiso.commitments;

/** A commitment with this code is registered already. */
public class DuplicateCommitmentException extends RuntimeException {

    public DuplicateCommitmentException(String code) {
        super("A commitment " + code + " is registered already");
    }
}
