package org.compromiso.workflow;

import java.io.IOException;
import java.io.InputStream;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys every process, form and decision of {@code bpmn/} as one deployment named after the folder.
 * Resources are named {@code bpmn/<file>} wherever the jar or classes folder sits, so the engine's duplicate
 * filter sees an unchanged folder as unchanged and a restart creates no new versions.
 */
@Component
public class BpmnFolderDeployment implements InitializingBean {

    static final String NAME = "compromiso-bpmn";
    private static final Logger log = LoggerFactory.getLogger(BpmnFolderDeployment.class);

    private final RepositoryService repositoryService;
    private final ResourcePatternResolver resources;

    BpmnFolderDeployment(RepositoryService repositoryService, ResourcePatternResolver resources) {
        this.repositoryService = repositoryService;
        this.resources = resources;
    }

    @Override
    public void afterPropertiesSet() throws IOException {
        var builder = repositoryService.createDeployment()
                .name(NAME)
                .source("bpmn/")
                .enableDuplicateFiltering(false);
        for (String pattern : new String[] {"classpath*:bpmn/*.bpmn", "classpath*:bpmn/*.form", "classpath*:bpmn/*.dmn"}) {
            for (Resource resource : resources.getResources(pattern)) {
                try (InputStream content = resource.getInputStream()) {
                    builder.addInputStream("bpmn/" + resource.getFilename(), content);
                }
            }
        }
        Deployment deployment = builder.deploy();
        log.info("Deployed bpmn/ as deployment {} ({} resources)", deployment.getId(),
                builder.getResourceNames().size());
    }
}
