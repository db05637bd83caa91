package org.compromiso.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;

import org.compromiso.commitments.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Loads the 2023–24 Mexico–United States talks ({@code catalog/*.yaml}) into the embedded demo. Only what is
 * missing is registered, so a restart adds nothing and undoes no correction the desk made since.
 */
@Component
@ConditionalOnProperty(name = "compromiso.demo.enabled", havingValue = "true")
class DemoCatalog {

    private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);

    private final CatalogImport catalog;
    private final ResourcePatternResolver resources;

    DemoCatalog(CatalogImport catalog, ResourcePatternResolver resources) {
        this.catalog = catalog;
        this.resources = resources;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    void load() throws IOException {
        Resource[] files = resources.getResources("classpath*:catalog/*.yaml");
        Arrays.sort(files, Comparator.comparing(Resource::getFilename));
        for (Resource file : files) {
            var result = catalog.registerMissing(file.getContentAsString(StandardCharsets.UTF_8),
                    new Actor("demo-catalog", "catalog"));
            log.info("Demo catalog {}: {} registered, {} there already", file.getFilename(),
                    result.registered().size(), result.unchanged().size());
        }
    }
}
