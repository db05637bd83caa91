package org.compromiso.platform;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.flywaydb.core.Flyway;
import org.springframework.stereotype.Component;

/**
 * Adds to the engine's tables the indexes that this service's load needs and Camunda's schema lacks
 * ({@code db/engine}). They are migrated by Flyway, with a history table of their own, once the engine has made or
 * checked its schema: our own migrations ({@code db/migration}) run before the engine starts, when its tables may not
 * exist yet.
 */
@Component
class EngineIndexes extends AbstractProcessEnginePlugin {

    static final String HISTORY_TABLE = "flyway_engine_history";

    private final DataSource dataSource;

    EngineIndexes(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/engine")
                .defaultSchema("public")
                .createSchemas(false)
                .table(HISTORY_TABLE)
                // the engine's tables are there already: its schema is the baseline these add to
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
