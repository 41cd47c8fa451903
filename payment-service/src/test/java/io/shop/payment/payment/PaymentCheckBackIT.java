package io.shop.payment.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.shop.api.order.OrderView;
import io.shop.api.payment.PaymentTopics;
import io.shop.api.payment.TopUpCommand;
import io.shop.api.payment.WalletService;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The transactional message's recovery path for real: the local transaction commits, the end of
 * the exchange with the broker is lost (its producer stops right after the commit), and the
 * broker's check-back, answered by payment-service from its table, still pays the order once.
 */
@SpringBootTest
@ActiveProfiles("it")
class PaymentCheckBackIT {

    @Autowired
    PaymentHandOff handOff;

    @Autowired
    WalletPayments walletPayments;

    @Autowired
    WalletService wallets;

    @Autowired
    DiscoveryClient discovery;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    @Value("${rocketmq.name-server}")
    String nameServer;

    @Value("${rocketmq.producer.group}")
    String producerGroup;

    @Test
    void aPaymentWhoseCommitWasLostIsCommittedByTheCheckBackAndPaysTheOrderOnce() throws Exception {
        RunningShop shop = new RunningShop(discovery);
        RunningShop.PlacedOrder order = shop.order(1500);
        wallets.topUp(new TopUpCommand(order.userId(), 5000, UUID.randomUUID().toString()));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Payment payment = Payment.byWallet(
                new OrderView(
                        order.orderNo(), order.userId(), 0, null, "CREATED", order.totalCents(), now, null, List.of()),
                UUID.randomUUID().toString(),
                now);

        TransactionMQProducer dying = new TransactionMQProducer(producerGroup);
        dying.setNamesrvAddr(nameServer);
        dying.setInstanceName("check-back-it-" + UUID.randomUUID());
        dying.setTransactionListener(new TransactionListener() {
            @Override
            public LocalTransactionState executeLocalTransaction(Message msg, Object arg) {
                handOff.runLocally((PaymentHandOff.LocalTransaction) arg);
                return LocalTransactionState.UNKNOW; // committed locally; the broker never hears so
            }

            @Override
            public LocalTransactionState checkLocalTransaction(MessageExt msg) {
                return LocalTransactionState.UNKNOW; // this producer is gone before any check-back
            }
        });
        dying.start();
        PaymentHandOff.LocalTransaction local = walletPayments.local(payment);
        try {
            dying.sendMessageInTransaction(
                    new Message(
                            PaymentTopics.PAYMENT_EVENTS,
                            "PaymentSucceeded",
                            order.orderNo(),
                            json.writeValueAsString(payment.succeeded(now)).getBytes(StandardCharsets.UTF_8)),
                    local);
        } finally {
            dying.shutdown();
        }
        assertThat(local.failure).as("the local transaction").isNull();
        assertThat(shop.statusOf(order)).isEqualTo("CREATED");

        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> shop.statusOf(order).equals("PAID"));
        assertThat(wallets.balanceOf(order.userId()).balanceCents()).isEqualTo(5000 - order.totalCents());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM payment WHERE order_no = ?")
                        .param(order.orderNo())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT SUM(amount_cents) FROM ledger_entry WHERE journal = ?")
                        .param(payment.journal())
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
