package io.knag.kernel.internal;

import io.knag.kernel.Transactions;
import io.knag.kernel.auth.TokenSettings;
import io.knag.kernel.events.EventConsumer;
import io.knag.kernel.events.EventPublisher;
import io.knag.kernel.events.InProcessEventPublisher;
import io.knag.kernel.persistence.R2dbcTransactions;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/** What every function host needs: a clock, events, token settings and transactions. */
@AutoConfiguration(afterName = "org.springframework.boot.autoconfigure.r2dbc.R2dbcAutoConfiguration")
@EnableConfigurationProperties(TokenProperties.class)
public class KernelAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    EventPublisher inProcessEventPublisher(ObjectProvider<EventConsumer> consumers) {
        return new InProcessEventPublisher(() -> consumers.orderedStream().toList());
    }

    @Bean
    @ConditionalOnMissingBean
    TokenSettings tokenSettings(TokenProperties properties) {
        return properties.toSettings();
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(ConnectionFactory.class)
    Transactions transactions(ConnectionFactory connectionFactory) {
        return new R2dbcTransactions(TransactionalOperator.create(new R2dbcTransactionManager(connectionFactory)));
    }
}
