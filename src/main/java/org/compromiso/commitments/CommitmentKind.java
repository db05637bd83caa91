package org.compromiso.commitments;

import java.util.List;

/**
 * A kind of agreed action and the BPMN process (by key) that carries it out; {@code processVersion} is the version
 * whose deployment last registered it (null for a kind no deployment has registered yet).
 */
public record CommitmentKind(String code, String processKey, String nameEn, String nameEs,
                             List<String> requiredParties, Integer processVersion) {
}
