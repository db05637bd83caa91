package org.compromiso.commitments;

import java.util.Date;
import java.util.List;

/** One commitment, its title in Spanish if given, what is open in its process and everything that happened to it. */
public record CommitmentDetail(CommitmentSummary commitment, String titleEs, String description, String targetBasis,
                               String lifecycleReason, List<OpenTask> openTasks, List<HistoryEntry> history) {

    /** A user task waiting in the commitment's process. */
    public record OpenTask(String id, String taskDefinitionKey, String name, List<String> candidateGroups,
                           String assignee, Date created, Date due) {
    }
}
