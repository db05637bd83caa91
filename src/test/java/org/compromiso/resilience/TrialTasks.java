package org.compromiso.resilience;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.compromiso.workflow.TrialForm;

/**
 * Many tasks with a deadline, from a model of the test's own that Compromiso has no code for, each with the
 * single reminder rule {@code due}; and their due reminder jobs run as the job executor would run them.
 */
public class TrialTasks {

    public static final String PROCESS = "Trial_Deadline";
    static final String MODEL = """
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="http://compromiso.org/test">
              <bpmn:process id="Trial_Deadline" isExecutable="true" camunda:historyTimeToLive="P1D">
                <bpmn:startEvent id="Start_Trial"/>
                <bpmn:sequenceFlow id="Flow_1" sourceRef="Start_Trial" targetRef="Task_Trial"/>
                <bpmn:userTask id="Task_Trial" name="Trial task" camunda:candidateGroups="${group}"
                               camunda:dueDate="${due}"
                               camunda:formRef="Form_Trial" camunda:formRefBinding="deployment">
                  <bpmn:extensionElements>
                    <camunda:properties><camunda:property name="reminders" value="due"/></camunda:properties>
                  </bpmn:extensionElements>
                </bpmn:userTask>
                <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Trial" targetRef="End_Trial"/>
                <bpmn:endEvent id="End_Trial"/>
              </bpmn:process>
            </bpmn:definitions>""";

    private final ProcessEngine engine;

    public TrialTasks(ProcessEngine engine) {
        this.engine = engine;
        if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(PROCESS).count() == 0) {
            engine.getRepositoryService().createDeployment().addString("trial-deadline.bpmn", MODEL)
                    .addString(TrialForm.RESOURCE, TrialForm.JSON).deploy();
        }
    }

    /** Starts {@code count} trial tasks of this agency due then; returns their task ids. */
    public List<String> start(int count, String group, Instant due) {
        var ids = new ArrayList<String>();
        for (int i = 0; i < count; i++) {
            var instance = engine.getRuntimeService().startProcessInstanceByKey(PROCESS,
                    Map.of("group", group, "due", Date.from(due)));
            ids.add(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult().getId());
        }
        return ids;
    }

    /** Runs every deadline job due by the engine's clock, and the jobs they lead to; returns how many ran. */
    public int fireDueReminders() {
        int ran = 0;
        for (List<Job> due = dueJobs(); !due.isEmpty(); due = dueJobs()) {
            for (Job job : due) {
                engine.getManagementService().executeJob(job.getId());
                ran++;
            }
        }
        return ran;
    }

    private List<Job> dueJobs() {
        return engine.getManagementService().createJobQuery().processDefinitionKey("TaskDeadline").executable()
                .listPage(0, 500);
    }
}
