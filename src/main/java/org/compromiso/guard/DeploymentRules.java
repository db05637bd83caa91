package org.compromiso.guard;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.xml.ModelException;
import org.compromiso.commitments.KindDeclaration;
import org.springframework.stereotype.Component;

/**
 * Runs {@link ModelRules} on every new deployment before the engine parses it, whichever way it came (the
 * {@code bpmn/} folder at start-up, {@code /engine-rest/deployment/create}, Cockpit): a breach refuses the whole
 * deployment. Deployments already in the database are not judged again when the engine loads them after a
 * restart, so a rule added later never keeps old processes from running.
 */
@Component
class DeploymentRules extends AbstractProcessEnginePlugin implements Deployer {

    private final ModelRules rules;
    private final ObjectMapper json = new ObjectMapper();

    DeploymentRules(ModelRules rules) {
        this.rules = rules;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        var deployers = new ArrayList<Deployer>();
        if (configuration.getCustomPreDeployers() != null) {
            deployers.addAll(configuration.getCustomPreDeployers());
        }
        deployers.add(this);
        configuration.setCustomPreDeployers(deployers);
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew() || deployment.getResources() == null) {
            return;
        }
        Set<String> formIds = formIds(deployment);
        var breaches = new LinkedHashMap<String, List<ModelRuleBreach>>();
        // each kind's process in this deployment: the database knows only the kinds deployed before it
        var kindsServed = new HashMap<String, String>();
        for (ResourceEntity resource : deployment.getResources().values()) {
            if (isBpmn(resource.getName())) {
                BpmnModelInstance model;
                try {
                    model = Bpmn.readModelFromStream(new ByteArrayInputStream(resource.getBytes()));
                } catch (ModelException unreadable) {
                    // the engine's own parser reports it, with the line, as its usual 400
                    continue;
                }
                var found = new ArrayList<>(rules.check(model, formIds));
                found.addAll(kindsDeclaredTwice(model, kindsServed));
                if (!found.isEmpty()) {
                    breaches.put(resource.getName(), found);
                }
            }
        }
        if (!breaches.isEmpty()) {
            throw new ModelRulesRefusal(breaches);
        }
    }

    /** The processes of this model that declare a kind another process of the same deployment declares too. */
    private static List<ModelRuleBreach> kindsDeclaredTwice(BpmnModelInstance model, Map<String, String> kindsServed) {
        var breaches = new ArrayList<ModelRuleBreach>();
        for (Process process : model.getModelElementsByType(Process.class)) {
            KindDeclaration.of(process).map(KindDeclaration::code).ifPresent(kind -> {
                String other = kindsServed.putIfAbsent(kind, process.getId());
                if (other != null && !other.equals(process.getId())) {
                    breaches.add(new ModelRuleBreach(process.getId(), ModelRuleBreach.Rule.KIND, "kind " + kind
                            + " is declared by process " + other + " of the same deployment too; one process serves"
                            + " a kind"));
                }
            });
        }
        return breaches;
    }

    private Set<String> formIds(DeploymentEntity deployment) {
        var ids = new HashSet<String>();
        for (ResourceEntity resource : deployment.getResources().values()) {
            if (resource.getName().endsWith(".form")) {
                try {
                    ids.add(json.readTree(resource.getBytes()).path("id").asText());
                } catch (IOException unreadable) {
                    // not a form Tasklist could show either: no task may refer to it
                }
            }
        }
        return ids;
    }

    private static boolean isBpmn(String name) {
        return name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml");
    }
}
