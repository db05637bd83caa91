package org.compromiso.guard;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Installs the {@link SandboxedExpressionManager} before the engine is built, through the engine's plugin hook
 * (Camunda's documented way to configure the engine from Spring Boot).
 */
@Component
class ExpressionSandbox extends AbstractProcessEnginePlugin {

    private final ApplicationContext context;

    ExpressionSandbox(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setExpressionManager(new SandboxedExpressionManager(context, ModelBeans.of(context)));
    }
}
