package org.compromiso.identity;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters every coordinator starts from: their agency's tasks, what is due this week, what is
 * overdue, and every task they may see. Each shows the commitment's code beside the task. Created at start-up when missing, by name.
 */
@Component
class TasklistFilters implements InitializingBean {

    static final String MY_AGENCY = "My agency's tasks";
    static final String DUE_THIS_WEEK = "Due this week";
    static final String OVERDUE = "Overdue";
    static final String ALL = "All tasks";

    private final FilterService filters;
    private final TaskService tasks;

    TasklistFilters(FilterService filters, TaskService tasks) {
        this.filters = filters;
        this.tasks = tasks;
    }

    @Override
    public void afterPropertiesSet() {
        create(MY_AGENCY, -10, "#0b5cad", "Open tasks of your agency, soonest due first", myAgency());
        create(DUE_THIS_WEEK, -5, "#b26a00", "Due within seven days",
                myAgency().dueBeforeExpression("${dateTime().plusWeeks(1).toDate()}"));
        create(OVERDUE, 0, "#b3261e", "Past their due date", myAgency().dueBeforeExpression("${now()}"));
        // no criteria: authorizations decide, so a coordinator sees their agency's tasks, the desk and leadership all
        create(ALL, 10, "#5b6775", "Every task you are allowed to see", tasks.createTaskQuery().orderByDueDate().asc());
    }

    private TaskQuery myAgency() {
        return tasks.createTaskQuery()
                .taskCandidateGroupInExpression("${currentUserGroups()}")
                .includeAssignedTasks()
                .orderByDueDate().asc();
    }

    private void create(String name, int priority, String color, String description, TaskQuery query) {
        if (filters.createFilterQuery().filterName(name).count() > 0) {
            return;
        }
        var filter = filters.newTaskFilter(name)
                .setQuery(query)
                .setProperties(Map.of(
                        "priority", priority,
                        "color", color,
                        "description", description,
                        "refresh", true,
                        "variables", List.of(Map.of("name", "commitmentCode", "label", "Commitment"))));
        filters.saveFilter(filter);
    }
}
