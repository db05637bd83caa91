package org.compromiso.workflow;

import java.util.List;

import jakarta.ws.rs.core.FeatureContext;
import org.compromiso.identity.TranslatedFilters;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * Puts the filters that answer in the reader's language ({@link TranslatedForms}, {@link TranslatedTasks} and
 * Tasklist's filters, {@link TranslatedFilters}) into every Jersey application of the service, {@code /engine-rest}
 * and the webapps' {@code /camunda/api/*} (Jersey finds this class through {@code META-INF/services}).
 */
public final class ReaderLanguageFeature implements ForcedAutoDiscoverable {

    @Override
    public void configure(FeatureContext context) {
        for (Class<?> filter : List.of(TranslatedForms.class, TranslatedTasks.class, TranslatedFilters.class)) {
            if (!context.getConfiguration().isRegistered(filter)) {
                context.register(filter);
            }
        }
    }
}
