package org.compromiso.commitments;

import java.util.List;

/** A commitment that breaks the domain's rules; nothing was written. */
public class InvalidCommitmentException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    public InvalidCommitmentException(List<FieldProblem> problems) {
        super("Invalid commitment: " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
