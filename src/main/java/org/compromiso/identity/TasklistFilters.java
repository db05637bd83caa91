package org.compromiso.identity;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters every coordinator starts from: their agency's tasks, what is due this week, what is
 * overdue, and every task they may see. Each shows the commitment's code beside the task. Created at start-up when
 * missing, by name; their properties (Spanish name and description, see {@link TranslatedFilters}) follow this
 * class at every start.
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
        create(MY_AGENCY, -10, "#0b5cad", "Open tasks of your agency, soonest due first", myAgency(),
                "Tareas de mi dependencia", "Tareas abiertas de su dependencia, las que vencen antes primero");
        create(DUE_THIS_WEEK, -5, "#b26a00", "Due within seven days",
                myAgency().dueBeforeExpression("${dateTime().plusWeeks(1).toDate()}"),
                "Vencen esta semana", "Vencen en los próximos siete días");
        create(OVERDUE, 0, "#b3261e", "Past their due date", myAgency().dueBeforeExpression("${now()}"),
                "Vencidas", "Pasada su fecha de vencimiento");
        // no criteria: authorizations decide, so a coordinator sees their agency's tasks, the desk and leadership all
        create(ALL, 10, "#5b6775", "Every task you are allowed to see", tasks.createTaskQuery().orderByDueDate().asc(),
                "Todas las tareas", "Todas las tareas que usted puede ver");
    }

    /** The property that holds this text of a filter in this language ({@code name.es}), as on a task's model. */
    static String translated(String text, String language) {
        return text + "." + language;
    }

    private TaskQuery myAgency() {
        return tasks.createTaskQuery()
                .taskCandidateGroupInExpression("${currentUserGroups()}")
                .includeAssignedTasks()
                .orderByDueDate().asc();
    }

    private void create(String name, int priority, String color, String description, TaskQuery query,
                        String nameEs, String descriptionEs) {
        Map<String, Object> properties = Map.of(
                "priority", priority,
                "color", color,
                "description", description,
                translated("name", "es"), nameEs,
                translated("description", "es"), descriptionEs,
                "refresh", true,
                "variables", List.of(Map.of("name", "commitmentCode", "label", "Commitment",
                        translated("label", "es"), "Compromiso")));
        // an admin may have saved another filter of this name: the first by id is kept up to date, not both
        Filter existing = filters.createFilterQuery().filterName(name).orderByFilterId().asc().listPage(0, 1).stream()
                .findFirst().orElse(null);
        if (existing == null) {
            filters.saveFilter(filters.newTaskFilter(name).setQuery(query).setProperties(properties));
        } else if (!properties.equals(existing.getProperties())) {
            filters.saveFilter(existing.setProperties(properties));
        }
    }
}
