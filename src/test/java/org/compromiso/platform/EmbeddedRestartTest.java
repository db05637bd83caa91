package org.compromiso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Function;

import org.camunda.bpm.engine.ProcessEngine;
import org.compromiso.TestDatabase;
import org.compromiso.resilience.InProcessService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** Stopping and starting the service keeps every process and task, and deploys nothing twice. */
@Order(Integer.MAX_VALUE)
class EmbeddedRestartTest {

    private final TestDatabase database = new TestDatabase();

    @AfterEach
    void dropDatabase() {
        database.drop();
    }

    @Test
    void processesAndTasksSurviveARestart() {
        String instanceId = run(context -> {
            var engine = context.getBean(ProcessEngine.class);
            return engine.getRuntimeService()
                    .startProcessInstanceByKey("AgreedAction", "RESTART-1", Map.of("leadAgencies", "sre",
                            "targetDate", new java.util.Date(), "progressUpdateCycle", "R/P1M"))
                    .getId();
        });

        run(context -> {
            var engine = context.getBean(ProcessEngine.class);
            assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instanceId).count())
                    .isEqualTo(1);
            assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instanceId)
                    .taskDefinitionKey("Task_PlanAction").count()).isEqualTo(1);
            assertThat(engine.getRepositoryService().createDeploymentQuery().count())
                    .as("a restart without changes deploys nothing new").isEqualTo(1);
            assertThat(engine.getRepositoryService().createProcessDefinitionQuery()
                    .processDefinitionKey("AgreedAction").count()).isEqualTo(1);
            var task = engine.getTaskService().createTaskQuery().processInstanceId(instanceId).singleResult();
            var deadline = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("TaskDeadline")
                    .processInstanceBusinessKey(task.getId()).singleResult();
            assertThat(engine.getManagementService().createJobQuery().processInstanceId(deadline.getId()).timers()
                    .singleResult().getDuedate()).as("the first reminder's timer survived the restart")
                    .isEqualTo(new java.util.Date(task.getDueDate().getTime() - 7L * 24 * 3600 * 1000));
            return null;
        });
    }

    private <T> T run(Function<ConfigurableApplicationContext, T> work) {
        // a name of its own: closing this engine must not unregister the cached test contexts' "default"
        try (var context = InProcessService.start("restart", database.properties())) {
            return work.apply(context);
        }
    }
}
