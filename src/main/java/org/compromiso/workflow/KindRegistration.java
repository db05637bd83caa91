package org.compromiso.workflow;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.compromiso.commitments.CommitmentKinds;
import org.compromiso.commitments.KindDeclaration;
import org.springframework.stereotype.Component;

/**
 * Registers the kind each newly deployed process declares ({@link KindDeclaration}), or updates its names, parties
 * and version, right after the engine created the process definitions and in the same transaction: a deployment
 * that fails leaves no kind behind, and a kind is usable the moment its process is, with no restart.
 * The model rules have checked the declaration before ({@code guard/ModelRules}).
 */
@Component
class KindRegistration extends AbstractProcessEnginePlugin implements Deployer {

    private final CommitmentKinds kinds;

    KindRegistration(CommitmentKinds kinds) {
        this.kinds = kinds;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        var deployers = new ArrayList<Deployer>();
        if (configuration.getCustomPostDeployers() != null) {
            deployers.addAll(configuration.getCustomPostDeployers());
        }
        deployers.add(this);
        configuration.setCustomPostDeployers(deployers);
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew() || deployment.getDeployedProcessDefinitions() == null) {
            return;
        }
        for (ProcessDefinition definition : deployment.getDeployedProcessDefinitions()) {
            var resource = deployment.getResource(definition.getResourceName());
            var model = Bpmn.readModelFromStream(new ByteArrayInputStream(resource.getBytes()));
            Process process = model.getModelElementById(definition.getKey());
            KindDeclaration.of(process).ifPresent(kind ->
                    kinds.register(kind, definition.getKey(), definition.getVersion()));
        }
    }
}
