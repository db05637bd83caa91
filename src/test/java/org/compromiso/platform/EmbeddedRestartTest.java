package org.compromiso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Function;

import org.camunda.bpm.engine.ProcessEngine;
import org.compromiso.TestDatabase;
import org.compromiso.resilience.InProcessService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** Stopping and starting the service keeps every process and task, and deploys nothing twice. */
// a service of its own, in a JVM of its own (pom.xml: surefire execution own-service-tests)
@Tag("own-service")
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

    @Test
    void theDemoReplaysTheRecordOnceAndARestartChangesNothing() {
        Function<ConfigurableApplicationContext, java.util.List<Object>> counts = context -> {
            // what the replay left due at the return is finished first: the job executor's jobs (a reminder they
            // write), then the mails of the reminders due now (each sent one adds a history entry)
            var jobs = context.getBean(org.camunda.bpm.engine.ManagementService.class);
            var jdbc = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(1))
                    .until(() -> jobs.createJobQuery().executable().count() == 0 && jdbc.sql(
                            "SELECT count(*) FROM reminder WHERE state = 'pending' AND next_attempt_at <= now()")
                            .query(Long.class).single() == 0);
            var found = new java.util.ArrayList<Object>(java.util.stream.Stream.of("commitment", "commitment_history",
                            "assessment", "reminder", "act_hi_procinst", "act_hi_taskinst", "act_ru_task")
                    .map(table -> jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single()).toList());
            // a difference in the history says which entries a restart added
            found.add(jdbc.sql("SELECT action || ' ' || count(*) FROM commitment_history GROUP BY action ORDER BY action")
                    .query(String.class).list());
            return found;
        };
        var first = run(counts);
        assertThat(first.get(0)).as("the two meetings' 16 commitments and the 2 outcomes the processes registered")
                .isEqualTo(18L);
        assertThat(run(counts)).as("commitments, history, assessments, reminders, processes, tasks, history by action")
                .isEqualTo(first);
    }

    private <T> T run(Function<ConfigurableApplicationContext, T> work) {
        // a name of its own: closing this engine must not unregister the cached test contexts' "default"
        try (var context = InProcessService.start("restart", database.properties())) {
            return work.apply(context);
        }
    }
}
