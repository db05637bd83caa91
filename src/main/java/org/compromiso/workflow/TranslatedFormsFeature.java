package org.compromiso.workflow;

import jakarta.ws.rs.core.FeatureContext;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * Puts {@link TranslatedForms} into every Jersey application of the service, {@code /engine-rest} and the webapps'
 * {@code /camunda/api/*} (Jersey finds this class through {@code META-INF/services}).
 */
public final class TranslatedFormsFeature implements ForcedAutoDiscoverable {

    @Override
    public void configure(FeatureContext context) {
        if (!context.getConfiguration().isRegistered(TranslatedForms.class)) {
            context.register(TranslatedForms.class);
        }
    }
}
