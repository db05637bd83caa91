package org.compromiso.guard;

import jakarta.ws.rs.core.FeatureContext;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * Puts the guards into every Jersey application of the service: {@code /engine-rest} and the webapps'
 * {@code /camunda/api/*}, whose engine API Camunda registers itself (Jersey finds this class through
 * {@code META-INF/services}).
 */
public final class EngineApiGuards implements ForcedAutoDiscoverable {

    @Override
    public void configure(FeatureContext context) {
        if (!context.getConfiguration().isRegistered(QueryExpressions.class)) {
            context.register(QueryExpressions.class);
            context.register(CompletionVariables.class);
            context.register(JobChanges.class);
            context.register(CompletionRefusals.class);
        }
    }
}
