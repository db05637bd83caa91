package org.compromiso.platform;

import javax.xml.datatype.DatatypeFactory;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Names the JDK's own {@link DatatypeFactory} in its system property, unless one is named already. The engine makes
 * a factory for every duration it reads (a task's due date such as {@code P14D}, a timer), and without the property
 * the JDK searches the class path for another implementation each time, a {@code ServiceLoader} over every jar:
 * 2.9 % of a completion's CPU (README, Performance). No jar of the service provides one, so the factory is the one
 * the search ends with anyway.
 */
@Component
class DatatypeFactoryChoice extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY) == null) {
            System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY,
                    DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
        }
    }
}
