package org.compromiso.commitments;

/** Why one field of a request or file was refused. */
public record FieldProblem(String field, String reason) {
}
