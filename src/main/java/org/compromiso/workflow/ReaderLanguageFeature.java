package org.compromiso.workflow;

import jakarta.ws.rs.core.FeatureContext;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * Puts {@link TranslatedForms} and {@link TranslatedTasks} into every Jersey application of the service,
 * {@code /engine-rest} and the webapps' {@code /camunda/api/*} (Jersey finds this class through
 * {@code META-INF/services}).
 */
public final class ReaderLanguageFeature implements ForcedAutoDiscoverable {

    @Override
    public void configure(FeatureContext context) {
        for (Class<?> filter : new Class<?>[] {TranslatedForms.class, TranslatedTasks.class}) {
            if (!context.getConfiguration().isRegistered(filter)) {
                context.register(filter);
            }
        }
    }
}
