package org.compromiso.commitments;

import java.util.List;

/** A kind of agreed action and the BPMN process (by key) that carries it out. */
public record CommitmentKind(String code, String processKey, String nameEn, String nameEs,
                             List<String> requiredParties) {
}
