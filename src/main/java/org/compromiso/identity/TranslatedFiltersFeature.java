package org.compromiso.identity;

import jakarta.ws.rs.core.FeatureContext;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * Puts {@link TranslatedFilters} into every Jersey application of the service, {@code /engine-rest} and the webapps'
 * {@code /camunda/api/*} (Jersey finds this class through {@code META-INF/services}).
 */
public final class TranslatedFiltersFeature implements ForcedAutoDiscoverable {

    @Override
    public void configure(FeatureContext context) {
        if (!context.getConfiguration().isRegistered(TranslatedFilters.class)) {
            context.register(TranslatedFilters.class);
        }
    }
}
