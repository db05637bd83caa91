package org.compromiso.reminders;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.compromiso.identity.Groups;
import org.springframework.stereotype.Component;

/**
 * Who receives a task's reminder: its assignee, else its candidate users and the members of its candidate
 * groups; escalations add the supervisors of those groups, or the desk and leadership.
 */
@Component
class ReminderRecipients {

    static final String LANGUAGE = "language";

    private final TaskService tasks;
    private final IdentityService identity;

    ReminderRecipients(TaskService tasks, IdentityService identity) {
        this.tasks = tasks;
        this.identity = identity;
    }

    /** The candidate groups of the task: whom the reminder says is waiting. */
    List<String> candidateGroups(String taskId) {
        return tasks.getIdentityLinksForTask(taskId).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
    }

    List<Recipient> of(String taskId, String assignee, ReminderProperties.Audience audience) {
        Set<String> userIds = new LinkedHashSet<>();
        List<String> groups = candidateGroups(taskId);
        if (assignee != null) {
            userIds.add(assignee);
        } else {
            tasks.getIdentityLinksForTask(taskId).stream()
                    .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getUserId() != null)
                    .forEach(link -> userIds.add(link.getUserId()));
            groups.forEach(group -> members(group, userIds));
        }
        switch (audience) {
            case SUPERVISORS -> groups.forEach(group -> members(Groups.supervisorsOf(group), userIds));
            case DESK_AND_LEADERSHIP -> {
                groups.forEach(group -> members(Groups.supervisorsOf(group), userIds));
                members(Groups.DESK, userIds);
                members(Groups.LEADERSHIP, userIds);
            }
            case TASK -> { }
        }
        Map<String, Recipient> recipients = new LinkedHashMap<>();
        for (String id : userIds) {
            User user = identity.createUserQuery().userId(id).singleResult();
            String language = identity.getUserInfo(id, LANGUAGE);
            recipients.put(id, new Recipient(id, user == null ? null : user.getEmail(),
                    "es".equals(language) ? "es" : "en"));
        }
        return new ArrayList<>(recipients.values());
    }

    private void members(String group, Set<String> userIds) {
        identity.createUserQuery().memberOfGroup(group).listPage(0, 500).forEach(user -> userIds.add(user.getId()));
    }
}
