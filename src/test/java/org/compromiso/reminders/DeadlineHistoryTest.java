package org.compromiso.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.compromiso.reminders.TaskDeadlines.date;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.compromiso.platform.ServiceAddress;
import org.compromiso.workflow.ProcessDriver;
import org.compromiso.workflow.ProcessTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The engine keeps full history of the commitments' processes, and none of the deadline processes beside them. */
@ProcessTest
class DeadlineHistoryTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    ProcessDriver driver;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ServiceAddress address;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aTasksDeadlineProcessesLeaveNoEngineHistoryWhileItsCommitmentKeepsAll() {
        var deadlines = new TaskDeadlines(engine, jdbc);
        deadlines.setAsideEarlierReminders();
        driver.today(LocalDate.of(2024, 1, 22));
        ProcessInstance instance = driver.register("agreed-action", Map.of("MX", "sre", "US", "state"),
                LocalDate.of(2024, 6, 30));
        Task task = driver.task(instance, "Task_PlanAction");
        List<String> deadlineProcesses = new ArrayList<>();
        deadlineProcesses.add(deadlines.of(task.getId()).getId());

        // its first reminder fires, then the due date moves (a new deadline process), then the task is done
        ClockUtil.setCurrentTime(date(LocalDateTime.of(2024, 1, 29, 0, 0)));
        engine.getManagementService().executeJob(deadlines.timer(task.getId()).getId());
        assertThat(jdbc.sql("SELECT fired_by FROM reminder WHERE task_id = ?").param(task.getId())
                .query(String.class).list()).as("the reminder it wrote, and the node whose job wrote it")
                .singleElement().isEqualTo(address.nodeName());
        deadlines.moveDueDate(task.getId(), LocalDateTime.of(2024, 2, 20, 0, 0));
        deadlineProcesses.add(deadlines.of(task.getId()).getId());
        driver.complete(instance, "Task_PlanAction");
        assertThat(deadlines.count(task.getId())).isZero();

        HistoryService history = engine.getHistoryService();
        assertThat(deadlineProcesses).doesNotHaveDuplicates();
        for (String deadline : deadlineProcesses) {
            assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(deadline).count()).isZero();
            assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(deadline).count()).isZero();
            assertThat(history.createHistoricVariableInstanceQuery().processInstanceIdIn(deadline).count()).isZero();
            assertThat(history.createHistoricDetailQuery().processInstanceId(deadline).count()).isZero();
            assertThat(history.createHistoricJobLogQuery().processInstanceId(deadline).count()).isZero();
        }
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(DeadlineScheduler.PROCESS)
                .processInstanceBusinessKey(task.getId()).count()).isZero();

        // the commitment's own process: history level full, as configured and as the database records it
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).count()).isOne();
        assertThat(history.createHistoricTaskInstanceQuery().taskId(task.getId()).finished().count()).isOne();
        assertThat(history.createHistoricDetailQuery().processInstanceId(instance.getId()).variableUpdates().count())
                .as("variable updates are kept at level full only").isPositive();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .activityId("Task_PlanAction").finished().count()).isOne();
        assertThat(engine.getManagementService().getHistoryLevel()).isEqualTo(ProcessEngineConfigurationImpl.HISTORYLEVEL_FULL);
        assertThat(jdbc.sql("SELECT value_ FROM act_ge_property WHERE name_ = 'historyLevel'").query(String.class)
                .single()).isEqualTo(String.valueOf(ProcessEngineConfigurationImpl.HISTORYLEVEL_FULL));
    }
}
