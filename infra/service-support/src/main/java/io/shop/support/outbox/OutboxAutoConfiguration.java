package io.shop.support.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.apache.rocketmq.spring.autoconfigure.RocketMQAutoConfiguration;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox, for services that set {@code shop.outbox.enabled=true} and have its table. */
@AutoConfiguration(after = {RocketMQAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class})
@ConditionalOnClass(RocketMQTemplate.class)
@ConditionalOnProperty(name = "shop.outbox.enabled", havingValue = "true")
public class OutboxAutoConfiguration {

    @Bean
    OutboxRelay outboxRelay(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            RocketMQTemplate rocketMq,
            @Value("${shop.outbox.poll-interval:1s}") Duration pollInterval) {
        return new OutboxRelay(jdbc, transactions, rocketMq, pollInterval);
    }

    @Bean
    Outbox outbox(JdbcTemplate jdbc, ObjectMapper json, OutboxRelay relay) {
        return new Outbox(jdbc, json, relay);
    }
}
