package org.compromiso.guard;

import jakarta.annotation.Priority;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.rest.JobDefinitionRestService;
import org.camunda.bpm.engine.rest.JobRestService;
import org.camunda.bpm.engine.rest.sub.management.JobDefinitionResource;
import org.camunda.bpm.engine.rest.sub.runtime.JobResource;
import org.compromiso.engine.ServiceWork;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * Jobs that belong to no process instance (the history cleanup, the leadership digest's timer) and job
 * definitions are changed by administrators only. The engine secures a job through its process definition, and a
 * job of none through nothing: any logged-in user could reschedule or run the history cleanup. Decided on the
 * resource the request was matched to, not on its path.
 */
@Priority(Priorities.AUTHORIZATION)
public class JobChanges implements ContainerRequestFilter {

    @Context
    private ServletContext servletContext;

    @Override
    public void filter(ContainerRequestContext request) {
        if (HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod())
                || HttpMethod.OPTIONS.equals(request.getMethod()) || Caller.isAdmin()) {
            return;
        }
        var matched = request.getUriInfo().getMatchedResources();
        boolean jobDefinitions = matched.stream().anyMatch(resource -> resource instanceof JobDefinitionRestService
                || resource instanceof JobDefinitionResource);
        boolean jobsInBulk = matched.stream().anyMatch(resource -> resource instanceof JobRestService)
                && matched.stream().noneMatch(resource -> resource instanceof JobResource);
        String jobId = request.getUriInfo().getPathParameters(true).getFirst("id");
        boolean jobOfNoProcess = matched.stream().anyMatch(resource -> resource instanceof JobResource)
                && jobId != null && !belongsToAProcess(jobId);
        if (jobDefinitions || jobsInBulk || jobOfNoProcess) {
            request.abortWith(Refusal.response(Response.Status.FORBIDDEN, "Only administrators change job "
                    + "definitions, jobs in bulk and jobs of no process", "job", "not permitted for your groups"));
        }
    }

    private boolean belongsToAProcess(String jobId) {
        var spring = WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext);
        var jobs = spring.getBean(ManagementService.class);
        var job = spring.getBean(ServiceWork.class).asService(() -> jobs.createJobQuery().jobId(jobId).singleResult());
        // an unknown job is the engine's to answer (404)
        return job == null || job.getProcessInstanceId() != null;
    }
}
