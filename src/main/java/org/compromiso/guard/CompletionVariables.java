package org.compromiso.guard;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.annotation.Priority;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import org.camunda.bpm.engine.rest.dto.VariableValueDto;
import org.camunda.bpm.engine.rest.dto.task.CompleteTaskDto;
import org.camunda.bpm.engine.rest.dto.task.TaskBpmnErrorDto;
import org.camunda.bpm.engine.rest.dto.task.TaskEscalationDto;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * A task's completion ({@code complete}, {@code submit-form}, {@code resolve}, and a BPMN error or escalation
 * thrown from it) may set only the fields its form declares: anything else is refused with 400 naming the
 * variable, for everyone. Without this, a coordinator completing a shared task could set {@code leadAgencyMX} and
 * send the next step to another agency. Checked on the variables as the resource read them.
 */
@Priority(Priorities.AUTHORIZATION)
public class CompletionVariables implements ReaderInterceptor {

    @Context
    private UriInfo uri;
    @Context
    private HttpServletRequest request;
    @Context
    private ServletContext servletContext;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        Object entity = context.proceed();
        Map<String, VariableValueDto> variables = variablesOf(entity);
        String taskId = uri.getPathParameters(true).getFirst("id");
        if (variables == null || taskId == null || !uri.getPath().contains("task/")) {
            return entity;
        }
        var spring = WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext);
        Set<String> names = new TreeSet<>(variables.keySet());
        spring.getBean(DeclaredFields.class).undeclared(taskId, names).ifPresent(name -> {
            throw Refusal.of(Response.Status.BAD_REQUEST, "This task's form has no field " + name
                    + "; a completion may set only the fields of its form", "variables." + name,
                    "not a field of this task's form");
        });
        spring.getBean(org.compromiso.workflow.CompletionRequests.class).submitted(request, taskId, names);
        return entity;
    }

    private static Map<String, VariableValueDto> variablesOf(Object entity) {
        if (entity instanceof CompleteTaskDto completion) {
            return orEmpty(completion.getVariables());
        }
        if (entity instanceof TaskBpmnErrorDto error) {
            return orEmpty(error.getVariables());
        }
        if (entity instanceof TaskEscalationDto escalation) {
            return orEmpty(escalation.getVariables());
        }
        return null;
    }

    private static Map<String, VariableValueDto> orEmpty(Map<String, VariableValueDto> variables) {
        return variables == null ? Map.of() : variables;
    }
}
