package io.knag.kernel.persistence;

import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies every capability's migrations over JDBC; run once per deployment, not on every cold start. */
public final class DatabaseMigrator {

    private static final Logger log = LoggerFactory.getLogger(DatabaseMigrator.class);

    private DatabaseMigrator() {
    }

    public static void migrate(String jdbcUrl, String user, String password, List<SchemaMigration> migrations) {
        for (SchemaMigration migration : migrations) {
            MigrateResult result = Flyway.configure()
                    .dataSource(jdbcUrl, user, password)
                    .schemas(migration.schema())
                    .createSchemas(true)
                    .locations(migration.location())
                    .loggers("slf4j")
                    .load()
                    .migrate();
            log.info("schema {} at version {} ({} migrations applied)", migration.schema(),
                    result.targetSchemaVersion, result.migrationsExecuted);
        }
    }
}
