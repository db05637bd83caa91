package org.compromiso.identity;

/** A user lost a task because it moved to agencies they are not in; published so that the change is audited. */
public record TaskReleased(String taskId, String processInstanceId, String userId, String reason) {
}
