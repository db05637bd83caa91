package org.compromiso.workflow;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Providers;
import org.camunda.bpm.engine.rest.dto.task.TaskDto;
import org.camunda.bpm.engine.rest.hal.task.HalTask;
import org.camunda.bpm.engine.rest.hal.task.HalTaskList;
import org.compromiso.commitments.CommitmentQueries;
import org.compromiso.commitments.TaskNames;
import org.compromiso.identity.UserLanguage;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * Tasks as Tasklist and scripts read them ({@code task}, {@code task/{id}}, a filter's {@code list} and
 * {@code singleResult}, plain JSON or HAL) are named and described in the signed-in user's language. The engine
 * keeps one name per task, in the language of the agencies it waits on ({@link TaskNaming}), and one description,
 * the model's English documentation: a task that Mexico and the US share, or the Description tab of any task,
 * would otherwise speak only English to a Spanish-speaking coordinator, and a Mexican task only Spanish to the
 * English-speaking desk. A task someone renamed, or whose description someone changed, keeps what they wrote.
 */
public class TranslatedTasks implements ContainerResponseFilter {

    private static final String EMBEDDED = "_embedded";

    @Context
    private ServletContext servletContext;
    @Context
    private Providers providers;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() != 200 || !carriesTasks(response.getEntity())) {
            return;
        }
        var spring = WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext);
        // Camunda's own mapper, so that dates and everything else are written as Camunda writes them
        ObjectMapper camunda = providers.getContextResolver(ObjectMapper.class, response.getMediaType())
                .getContext(ObjectMapper.class);
        JsonNode tasks = camunda.valueToTree(response.getEntity());
        new Wording(spring.getBean(TaskNames.class), spring.getBean(CommitmentQueries.class),
                spring.getBean(UserLanguage.class).ofSignedInUser()).into(tasks);
        response.setEntity(tasks, response.getEntityAnnotations(), response.getMediaType());
    }

    private static boolean carriesTasks(Object entity) {
        return entity instanceof TaskDto || entity instanceof HalTask || entity instanceof HalTaskList
                || entity instanceof Collection<?> list && !list.isEmpty() && list.iterator().next() instanceof TaskDto;
    }

    /** Rewrites the names and descriptions of the tasks in one answer, looking each commitment up once. */
    static final class Wording {
        private final TaskNames names;
        private final CommitmentQueries commitments;
        private final Locale language;
        private final Map<String, Optional<String>> codes = new HashMap<>();

        Wording(TaskNames names, CommitmentQueries commitments, Locale language) {
            this.names = names;
            this.commitments = commitments;
            this.language = language;
        }

        /** A task, a list of tasks, or a HAL list whose tasks are embedded. */
        void into(JsonNode answer) {
            if (answer.isArray()) {
                answer.forEach(this::task);
            } else if (answer.path(EMBEDDED).path("task").isArray()) {
                answer.path(EMBEDDED).path("task").forEach(this::task);
            } else {
                task(answer);
            }
        }

        private void task(JsonNode node) {
            String definition = node.path("processDefinitionId").asText(null);
            String step = node.path("taskDefinitionKey").asText(null);
            String instance = node.path("processInstanceId").asText(null);
            if (!(node instanceof ObjectNode task) || definition == null || step == null || instance == null) {
                return;
            }
            String code = codes.computeIfAbsent(instance, commitments::codeOf).orElse(null);
            task.put("name", names.forReader(node.path("name").asText(null), code, definition, step, language));
            if (node.hasNonNull("description")) {
                task.put("description", names.purpose(definition, step, node.get("description").asText(), language));
            }
        }
    }
}
