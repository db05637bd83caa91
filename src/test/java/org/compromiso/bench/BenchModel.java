package org.compromiso.bench;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.compromiso.workflow.TrialForm;

/** A process of the benchmark's own, deployed at run time: a start event, user tasks in a row, an end event. */
final class BenchModel {

    /** One user task: its id and the rest of its attributes; {@code extensions} inside its extensionElements. */
    record UserTask(String id, String attributes, String extensions) {

        String xml() {
            return "<bpmn:userTask id=\"" + id + "\" " + attributes + " " + TrialForm.ATTRIBUTES + ">"
                    + (extensions.isEmpty() ? "" : "<bpmn:extensionElements>" + extensions + "</bpmn:extensionElements>")
                    + "</bpmn:userTask>\n";
        }
    }

    private BenchModel() {
    }

    static void deploy(ProcessEngine engine, String processId, String historyTimeToLive, List<UserTask> tasks) {
        var ids = new ArrayList<String>();
        ids.add("Start_" + processId);
        tasks.forEach(task -> ids.add(task.id()));
        ids.add("End_" + processId);
        var xml = new StringBuilder("""
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="http://compromiso.org/bench">
                """);
        xml.append("<bpmn:process id=\"").append(processId).append("\" isExecutable=\"true\" ")
                .append("camunda:historyTimeToLive=\"").append(historyTimeToLive).append("\">\n")
                .append("<bpmn:startEvent id=\"").append(ids.get(0)).append("\"/>\n");
        tasks.forEach(task -> xml.append(task.xml()));
        xml.append("<bpmn:endEvent id=\"").append(ids.get(ids.size() - 1)).append("\"/>\n");
        for (int i = 1; i < ids.size(); i++) {
            xml.append("<bpmn:sequenceFlow id=\"Flow_").append(i).append("\" sourceRef=\"").append(ids.get(i - 1))
                    .append("\" targetRef=\"").append(ids.get(i)).append("\"/>\n");
        }
        xml.append("</bpmn:process>\n</bpmn:definitions>");
        engine.getRepositoryService().createDeployment().addString(processId + ".bpmn", xml.toString())
                .addString(TrialForm.RESOURCE, TrialForm.JSON).deploy();
    }
}
