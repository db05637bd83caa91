package org.compromiso.identity;

import java.util.LinkedHashMap;
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
 * missing, by name; their Spanish name, description and column label (see {@link TranslatedFilters}) are brought
 * up to date at every start, and what an admin changed stays.
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
        // an admin may have saved filters of this name: the shared one (no owner) is ours
        Filter existing = filters.createFilterQuery().filterName(name).list().stream()
                .filter(filter -> filter.getOwner() == null).findFirst().orElse(null);
        if (existing == null) {
            filters.saveFilter(filters.newTaskFilter(name).setQuery(query).setProperties(properties));
            return;
        }
        // only the translations are ours to bring up to date: an admin's colour, order or columns stay
        var updated = new LinkedHashMap<String, Object>(
                existing.getProperties() == null ? Map.of() : existing.getProperties());
        updated.put(translated("name", "es"), nameEs);
        updated.put(translated("description", "es"), descriptionEs);
        if (updated.get("variables") instanceof List<?> columns) {
            updated.put("variables", columns.stream().map(column -> column instanceof Map<?, ?> shown
                    && "commitmentCode".equals(shown.get("name")) ? withSpanishLabel(shown) : column).toList());
        }
        if (!updated.equals(existing.getProperties())) {
            filters.saveFilter(existing.setProperties(updated));
        }
    }

    private static Map<Object, Object> withSpanishLabel(Map<?, ?> column) {
        var translatedColumn = new LinkedHashMap<Object, Object>(column);
        translatedColumn.put(translated("label", "es"), "Compromiso");
        return translatedColumn;
    }
}
