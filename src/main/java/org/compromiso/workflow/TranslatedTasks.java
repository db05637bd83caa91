package org.compromiso.workflow;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Providers;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.rest.dto.task.TaskDto;
import org.camunda.bpm.engine.rest.hal.task.HalTask;
import org.camunda.bpm.engine.rest.hal.task.HalTaskList;
import org.camunda.bpm.engine.task.Task;
import org.compromiso.commitments.CommitmentQueries;
import org.compromiso.commitments.TaskNames;
import org.compromiso.identity.UserLanguage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * Tasks as Tasklist and scripts read them ({@code task}, {@code task/{id}}, a filter's {@code list} and
 * {@code singleResult}, plain JSON or HAL) are named and described in the signed-in user's language. The engine
 * keeps one name per task, in the language of the agencies it waits on ({@link TaskNaming}), and one description,
 * the model's English documentation: a task that Mexico and the US share, or the Description tab of any task,
 * would otherwise speak only English to a Spanish-speaking coordinator, and a Mexican task only Spanish to the
 * English-speaking desk. A task someone renamed, or whose description someone changed, keeps what they wrote.
 * <p>
 * Tasklist sends the whole task back when a date changes ({@code PUT task/{id}}): the reader's copy of a name or
 * description the service gave is put back to the stored one there, so that reading never renames a task.
 */
public class TranslatedTasks implements ContainerResponseFilter, ContainerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(TranslatedTasks.class);
    private static final String EMBEDDED = "_embedded";
    private static final String NAME = "name";
    private static final String DESCRIPTION = "description";
    private static final Pattern ONE_TASK = Pattern.compile("(^|/)task/([^/]+)/?$");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Context
    private ServletContext servletContext;
    @Context
    private Providers providers;
    @Context
    private UriInfo uri;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() != 200 || !carriesTasks(response.getEntity())) {
            return;
        }
        try {
            var spring = spring();
            // Camunda's own mapper, so that dates and everything else are written as Camunda writes them
            ObjectMapper camunda = providers.getContextResolver(ObjectMapper.class, response.getMediaType())
                    .getContext(ObjectMapper.class);
            JsonNode tasks = camunda.valueToTree(response.getEntity());
            new Wording(spring.getBean(TaskNames.class), spring.getBean(CommitmentQueries.class),
                    spring.getBean(UserLanguage.class).ofSignedInUser()).into(tasks);
            response.setEntity(tasks, response.getEntityAnnotations(), response.getMediaType());
        } catch (RuntimeException e) {
            // the stored names are still right, only in one language: better than no task list
            LOG.warn("Tasks left as stored, not in the reader's language: {}", e.toString());
        }
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        var oneTask = ONE_TASK.matcher(uri.getPath());
        if (!"PUT".equals(request.getMethod()) || !request.hasEntity() || !oneTask.find()) {
            return;
        }
        byte[] body = request.getEntityStream().readAllBytes();
        request.setEntityStream(new ByteArrayInputStream(body));
        JsonNode sent;
        try {
            sent = JSON.readTree(body);
        } catch (IOException unreadable) {
            // Camunda's own answer to a body it cannot read
            return;
        }
        var spring = spring();
        Task stored = spring.getBean(TaskService.class).createTaskQuery().taskId(oneTask.group(2)).singleResult();
        if (sent instanceof ObjectNode task && stored != null && stored.getProcessDefinitionId() != null) {
            keepStored(task, stored, spring.getBean(TaskNames.class),
                    spring.getBean(CommitmentQueries.class).codeOf(stored.getProcessInstanceId()).orElse(null));
            request.setEntityStream(new ByteArrayInputStream(JSON.writeValueAsBytes(task)));
        }
    }

    /** Puts back the stored name and description where the client sent the reader's copy of the service's own. */
    static void keepStored(ObjectNode sent, Task stored, TaskNames names, String code) {
        String definition = stored.getProcessDefinitionId();
        String step = stored.getTaskDefinitionKey();
        String name = sent.path(NAME).asText(null);
        if (name != null && names.isServiceName(name, code, definition, step)
                && names.isServiceName(stored.getName(), code, definition, step)) {
            sent.put(NAME, stored.getName());
        }
        String description = sent.path(DESCRIPTION).asText(null);
        if (names.isModelsPurpose(definition, step, description)
                && names.isModelsPurpose(definition, step, stored.getDescription())) {
            sent.put(DESCRIPTION, stored.getDescription());
        }
    }

    private ApplicationContext spring() {
        return WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext);
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
            task.put(NAME, names.forReader(node.path(NAME).asText(null), code, definition, step, language));
            if (node.hasNonNull(DESCRIPTION)) {
                task.put(DESCRIPTION, names.purpose(definition, step, node.get(DESCRIPTION).asText(), language));
            }
        }
    }
}
