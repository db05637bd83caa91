package org.compromiso.reminders;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

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

    /** Those a task's reminder reaches, and the candidate groups it says are waiting. */
    record Audience(List<String> waitingGroups, List<Recipient> people) {
    }

    /** The candidate groups of the task: whom the reminder says is waiting. */
    List<String> candidateGroups(String taskId) {
        return groups(tasks.getIdentityLinksForTask(taskId));
    }

    Audience of(String taskId, String assignee, ReminderProperties.Audience audience) {
        // the task's links once: a reminder storm reads them for every reminder
        var links = tasks.getIdentityLinksForTask(taskId);
        List<String> groups = groups(links);
        Set<String> userIds = new LinkedHashSet<>();
        if (assignee != null) {
            userIds.add(assignee);
        } else {
            links.stream().filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getUserId() != null)
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
        return new Audience(groups, people(userIds));
    }

    private List<Recipient> people(Set<String> userIds) {
        if (userIds.isEmpty()) {
            return List.of();
        }
        Map<String, User> users = identity.createUserQuery().userIdIn(userIds.toArray(String[]::new))
                .listPage(0, userIds.size()).stream().collect(Collectors.toMap(User::getId, Function.identity()));
        return userIds.stream().map(id -> {
            User user = users.get(id);
            String language = identity.getUserInfo(id, LANGUAGE);
            return new Recipient(id, user == null ? null : user.getEmail(), "es".equals(language) ? "es" : "en");
        }).toList();
    }

    private static List<String> groups(List<IdentityLink> links) {
        return links.stream().filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
    }

    private void members(String group, Set<String> userIds) {
        identity.createUserQuery().memberOfGroup(group).listPage(0, 500).forEach(user -> userIds.add(user.getId()));
    }
}
