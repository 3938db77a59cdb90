package io.knag.kernel.internal;

import io.knag.kernel.persistence.DatabaseUrls;
import io.knag.kernel.persistence.Databases;
import io.knag.kernel.persistence.SchemaMigration;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The connection pool of a function deployed without the Knative host (Lambda, Azure Functions): to the
 * PostgreSQL named by {@code knag.database.url} (with {@code username}, {@code password}), migrated at start-up
 * unless {@code knag.database.migrate=false}. The Knative host makes its own (it may run an embedded server).
 */
@AutoConfiguration(before = KernelAutoConfiguration.class)
@ConditionalOnProperty(name = "knag.database.url")
@ConditionalOnMissingBean(ConnectionFactory.class)
public class DatabaseAutoConfiguration {

    /** A function instance serves few requests at once: a small pool by default. */
    @Bean(destroyMethod = "dispose")
    ConnectionPool connectionFactory(Environment environment, ObjectProvider<SchemaMigration> migrations) {
        String url = environment.getRequiredProperty("knag.database.url");
        String username = environment.getProperty("knag.database.username");
        String password = environment.getProperty("knag.database.password");
        return Databases.open(Databases.connect(url, username, password), DatabaseUrls.jdbc(url), username, password,
                environment.getProperty("knag.database.migrate", Boolean.class, true), migrations.orderedStream().toList(),
                environment.getProperty("knag.database.max-connections", Integer.class, 4));
    }
}
