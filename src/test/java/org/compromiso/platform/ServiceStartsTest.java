package org.compromiso.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;
import java.util.ServiceLoader;

import javax.xml.datatype.DatatypeFactory;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.compromiso.CompromisoTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@CompromisoTest
class ServiceStartsTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProcessEngine engine;
    @Autowired
    TestRestTemplate http;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theTransactionManagerThatTheEngineSharesTellsACommitInDoubt() {
        assertThat(((AbstractPlatformTransactionManager) transactions).getTransactionExecutionListeners())
                .hasAtLeastOneElementOfType(CommitOutcomes.class);
        assertThat(engine.getProcessEngineConfiguration()).isInstanceOf(SpringProcessEngineConfiguration.class)
                .extracting(configuration -> ((SpringProcessEngineConfiguration) configuration).getTransactionManager())
                .isSameAs(transactions);
    }

    @Test
    void runsOnPostgresql() {
        String version = jdbc.sql("SELECT version()").query(String.class).single();
        assertThat(version).startsWith("PostgreSQL");
    }

    @Test
    void everyConnectionSearchesTheEnginesSchemaAndOursAndLetsPostgresqlReusePlans() {
        assertThat(jdbc.sql("SHOW search_path").query(String.class).single()).isEqualTo("public, compromiso");
        // generic plans for the engine's statements: a third less of PostgreSQL's work per registration
        assertThat(jdbc.sql("SHOW plan_cache_mode").query(String.class).single()).isEqualTo("auto");
    }

    @Test
    void theEngineChecksEachRowsOwnGrants() {
        // the default joins every grant of the user's groups to every candidate task: at 100,000 open tasks a
        // coordinator's task count took 15 times as long (README, Performance)
        assertThat(engine.getProcessEngineConfiguration().getAuthorizationCheckRevokes())
                .isEqualTo(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_ALWAYS);
    }

    @Test
    void flywayMigrationsAreAppliedToOurSchema() {
        var applied = jdbc.sql("SELECT version FROM compromiso.flyway_schema_history WHERE success ORDER BY installed_rank")
                .query(String.class).list();
        assertThat(applied).contains("1");
        assertThat(tableExists("compromiso", "commitment")).isTrue();
    }

    @Test
    void theEngineFindsATasksSubtasksThroughAnIndexOfOurs() {
        // the engine runs this when any task ends; its schema leaves it a scan of every open task (db/engine)
        var plan = new TransactionTemplate(transactions).execute(status -> {
            jdbc.sql("SET LOCAL enable_seqscan = off").update();
            return String.join("\n", jdbc.sql("EXPLAIN SELECT * FROM ACT_RU_TASK WHERE PARENT_TASK_ID_ = 'a-task'")
                    .query(String.class).list());
        });
        assertThat(plan).contains("compromiso_task_parent_idx").doesNotContain("Seq Scan");
        assertThat(jdbc.sql("SELECT version FROM public." + EngineIndexes.HISTORY_TABLE
                + " WHERE success AND version <> '0'").query(String.class).list()).containsExactly("1");
    }

    @Test
    void theEngineMakesItsDurationsWithTheJdksFactoryWithoutSearchingTheClassPath() {
        assertThat(System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY))
                .isEqualTo(DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
        // the search would have found nothing else: a jar that brings a factory of its own asks for a choice
        assertThat(ServiceLoader.load(DatatypeFactory.class).findFirst()).isEmpty();
    }

    @Test
    void camundaSchemaIsInPlace() {
        assertThat(tableExists("public", "act_ru_task")).isTrue();
        assertThat(tableExists("public", "act_ge_property")).isTrue();
    }

    @Test
    void processFromBpmnFolderIsDeployedAndRunsToAUserTask() {
        var definition = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey("AgreedAction").latestVersion().singleResult();
        assertThat(definition).isNotNull();
        assertThat(definition.getResourceName()).isEqualTo("bpmn/agreed-action.bpmn");

        var instance = engine.getRuntimeService().startProcessInstanceByKey("AgreedAction", "TEST-START",
                Map.of("leadAgencies", "sre"));

        assertThat(instance).isActive().isWaitingAt("Task_PlanAction");
        var task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(task.getDueDate()).isNotNull();
    }

    @Test
    void healthReportsDatabaseAndMailServer() {
        var health = http.getForEntity("/actuator/health", Map.class);
        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(health.getBody()).containsEntry("status", "UP");
        @SuppressWarnings("unchecked")
        var components = (Map<String, Object>) health.getBody().get("components");
        assertThat(components).containsKeys("db", "mail");
    }

    @Test
    void mailPageNeedsALogin() {
        var anonymous = http.getForEntity("/mail", String.class);
        assertThat(anonymous.getBody()).contains("<h1>Compromiso</h1>", "Sign in").doesNotContain("Mail catcher");
        var page = http.withBasicAuth("admin", "demo").getForEntity("/mail", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("Mail catcher");
    }

    @Test
    void tasklistAsksForALoginThenOpens() {
        var anonymous = http.getForEntity("/camunda/app/tasklist/default/", String.class);
        assertThat(anonymous.getBody()).contains("<h1>Compromiso</h1>", "Sign in").doesNotContain("Camunda Tasklist");

        var page = http.withBasicAuth("admin", "demo").getForEntity("/camunda/app/tasklist/default/", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("Tasklist");
    }

    private boolean tableExists(String schema, String table) {
        return jdbc.sql("SELECT count(*) FROM information_schema.tables WHERE table_schema = ? AND table_name = ?")
                .params(schema, table).query(Integer.class).single() == 1;
    }
}
