package io.shop.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shop.support.outbox.OutboxTable.Row;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcClientAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The relay against the real MariaDB and RocketMQ broker, in a database of its own: each test
 * drives one relay by hand ({@code drain}) instead of its timer.
 */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:mariadb://${MYSQL_ADDRESS:127.0.0.1:3306}/shop_outbox_it"
                    + "?createDatabaseIfNotExist=true",
            "spring.datasource.username=${MYSQL_USER:root}",
            "spring.datasource.password=${MYSQL_PASSWORD:}",
            "rocketmq.producer.group=shop-outbox-it"
        })
class OutboxRelayIT {

    /** Nobody consumes it but the launcher's own self test, which only looks at its own keys. */
    private static final String TOPIC = "shop-infra-selftest";

    /** Larger than the broker's 4 MiB limit: refused every time. */
    private static final String TOO_LARGE = "x".repeat(5 * 1024 * 1024);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    RocketMQTemplate rocketMq;

    OutboxTable table;

    @BeforeEach
    void emptyOutbox() {
        jdbc.sql("DROP TABLE IF EXISTS outbox").update();
        jdbc.sql(
                        """
                        CREATE TABLE outbox (
                            id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
                            topic           VARCHAR(100) NOT NULL,
                            message_key     VARCHAR(100) NOT NULL,
                            payload         LONGTEXT     NOT NULL,
                            created_at      TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
                            attempts        INT          NOT NULL DEFAULT 0,
                            next_attempt_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
                            parked_at       TIMESTAMP(3) NULL,
                            last_error      VARCHAR(500) NULL,
                            KEY ix_outbox_due (parked_at, next_attempt_at)
                        ) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4""")
                .update();
        table = new OutboxTable(jdbc, transactions);
    }

    @Test
    void aMessageTheBrokerRefusesIsRetriedThenParkedAndTheMessagesBehindItAreSent() {
        long poison = add(TOO_LARGE);
        List<Long> good = List.of(add("{\"n\":1}"), add("{\"n\":2}"), add("{\"n\":3}"));
        OutboxRelay relay = relay(settings(3, Duration.ZERO));

        assertThat(relay.drain()).isEqualTo(3);
        assertThat(remainingIds()).containsExactly(poison);
        assertThat(state(poison)).containsEntry("attempts", 1).containsEntry("parked", false);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            relay.drain();
            assertThat(state(poison)).containsEntry("parked", true);
        });
        assertThat(state(poison)).containsEntry("attempts", 3);
        assertThat(jdbc.sql("SELECT last_error FROM outbox WHERE id = ?")
                        .param(poison)
                        .query(String.class)
                        .single())
                .contains("body size over max value");
        assertThat(relay.backlog().waiting()).isZero();
        assertThat(relay.backlog().parked()).isEqualTo(1);
        assertThat(good).allSatisfy(id -> assertThat(remainingIds()).doesNotContain(id));
    }

    @Test
    void aRefusedMessageWaitsLongerAfterEachRefusal() {
        OutboxSettings settings = settings(10, Duration.ofSeconds(1));

        assertThat(settings.retryAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.retryAfter(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.retryAfter(4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(settings.retryAfter(40)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void rowsClaimedByARelayThatDiedComeBackWhenTheClaimTimesOut() {
        long id = add("{\"n\":1}");

        List<Row> first = table.claim(10, Duration.ofMillis(300));
        List<Row> meanwhile = table.claim(10, Duration.ofMillis(300));

        assertThat(first).extracting(Row::id).containsExactly(id);
        assertThat(meanwhile).isEmpty();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> table.claim(10, Duration.ofMinutes(1)).stream().anyMatch(row -> row.id() == id));
    }

    @Test
    void whileTheBrokerCannotBeReachedNothingIsCountedAgainstAnyMessage() throws Exception {
        long id = add("{\"n\":1}");
        RocketMQTemplate unreachable = new RocketMQTemplate();
        var producer = new org.apache.rocketmq.client.producer.DefaultMQProducer("shop-outbox-it-away");
        producer.setNamesrvAddr("127.0.0.1:1"); // a port nothing listens on
        producer.setInstanceName("outbox-it-" + UUID.randomUUID());
        producer.setSendMsgTimeout(1_000);
        producer.setRetryTimesWhenSendFailed(0);
        producer.start();
        unreachable.setProducer(producer);
        try {
            OutboxRelay relay =
                    new OutboxRelay(table, unreachable, settings(1, Duration.ZERO), new SimpleMeterRegistry());

            assertThat(relay.drain()).isZero();
        } finally {
            producer.shutdown();
        }

        assertThat(state(id)).containsEntry("attempts", 0).containsEntry("parked", false);
        assertThat(table.claim(10, Duration.ofMinutes(1))).extracting(Row::id).containsExactly(id);
    }

    private OutboxRelay relay(OutboxSettings settings) {
        return new OutboxRelay(table, rocketMq, settings, new SimpleMeterRegistry());
    }

    private static OutboxSettings settings(int maxAttempts, Duration firstRetry) {
        return new OutboxSettings(
                Duration.ofSeconds(1), 200, Duration.ofSeconds(30), maxAttempts, firstRetry, Duration.ofMinutes(5));
    }

    private long add(String payload) {
        return transactions.execute(status -> {
            jdbc.sql("INSERT INTO outbox (topic, message_key, payload) VALUES (?, ?, ?)")
                    .params(TOPIC, "outbox-it-" + UUID.randomUUID(), payload)
                    .update();
            return jdbc.sql("SELECT LAST_INSERT_ID()").query(Long.class).single();
        });
    }

    private List<Long> remainingIds() {
        return jdbc.sql("SELECT id FROM outbox ORDER BY id").query(Long.class).list();
    }

    private Map<String, Object> state(long id) {
        return jdbc.sql("SELECT attempts, parked_at IS NOT NULL AS parked FROM outbox WHERE id = ?")
                .param(id)
                .query((rs, n) ->
                        Map.<String, Object>of("attempts", rs.getInt("attempts"), "parked", rs.getBoolean("parked")))
                .single();
    }

    @SpringBootConfiguration
    @ImportAutoConfiguration({
        DataSourceAutoConfiguration.class,
        DataSourceTransactionManagerAutoConfiguration.class,
        TransactionAutoConfiguration.class,
        JdbcTemplateAutoConfiguration.class,
        JdbcClientAutoConfiguration.class,
        JacksonAutoConfiguration.class,
        org.apache.rocketmq.spring.autoconfigure.RocketMQAutoConfiguration.class
    })
    static class Config {}
}
