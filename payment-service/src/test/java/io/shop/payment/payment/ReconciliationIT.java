package io.shop.payment.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shop.api.auth.Roles;
import io.shop.api.order.OrderView;
import io.shop.api.payment.TopUpCommand;
import io.shop.api.payment.WalletService;
import io.shop.payment.reconciliation.Difference;
import io.shop.payment.reconciliation.Reconciliation;
import io.shop.payment.reconciliation.ReconciliationReport;
import io.shop.support.identity.Passports;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Reconciliation against the running order-service and the real payment tables: a paid order
 * agrees with its payment and journal, and each kind of disagreement, made on purpose, is reported.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "shop.payment.reconciliation.settle-time=0s")
@ActiveProfiles("it")
class ReconciliationIT {

    /** Long before anything else the shop ever stored: what is made up there is seen by this test only. */
    private static final Instant LONG_AGO = Instant.parse("2001-01-01T00:00:00Z");

    @Autowired
    Reconciliation reconciliation;

    @Autowired
    WalletPayments walletPayments;

    @Autowired
    WalletService wallets;

    @Autowired
    DiscoveryClient discovery;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @Test
    void aPaidOrderAgreesWithItsPaymentUntilThePaymentIsBrokenOnPurpose() throws Exception {
        RunningShop shop = new RunningShop(discovery);
        RunningShop.PlacedOrder order = shop.order(2_100);
        wallets.topUp(new TopUpCommand(order.userId(), 5_000, UUID.randomUUID().toString()));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Payment payment = Payment.byWallet(
                new OrderView(
                        order.orderNo(), order.userId(), 0, null, "CREATED", order.totalCents(), now, null, List.of()),
                UUID.randomUUID().toString(),
                now);
        walletPayments.take(payment);
        await().atMost(Duration.ofSeconds(60)).until(() -> shop.statusOf(order).equals("PAID"));
        Instant from = now.minus(Duration.ofMinutes(5));

        assertThat(differencesOf(reconciliation.report(from, Instant.now().plusSeconds(1)), order.orderNo()))
                .isEmpty();

        jdbc.sql("UPDATE payment SET status = 'FAILED' WHERE payment_id = ?")
                .param(payment.paymentId())
                .update();
        try {
            assertThat(differencesOf(reconciliation.report(from, Instant.now().plusSeconds(1)), order.orderNo()))
                    .extracting(Difference::kind)
                    .containsExactly(Difference.Kind.PAID_ORDER_WITHOUT_PAYMENT);
        } finally {
            jdbc.sql("UPDATE payment SET status = 'SUCCEEDED' WHERE payment_id = ?")
                    .param(payment.paymentId())
                    .update();
        }
    }

    @Test
    void aPaymentWithoutOrderOrJournalAndAnUnbalancedJournalAreReportedToOperators() throws Exception {
        String ghost = "P" + UUID.randomUUID().toString().replace("-", "");
        String orderNo = "GHOST" + System.nanoTime();
        String journal = "test-unbalanced:" + UUID.randomUUID();
        jdbc.sql(
                        "INSERT INTO payment (payment_id, order_no, user_id, amount_cents, method, status, idempotency_key,"
                                + " paid_order_no, created_at, updated_at) VALUES (?, ?, 1, 100, 'wallet', 'SUCCEEDED', ?, ?, ?, ?)")
                .params(ghost, orderNo, ghost, orderNo, Timestamp.from(LONG_AGO), Timestamp.from(LONG_AGO))
                .update();
        jdbc.sql(
                        "INSERT INTO ledger_entry (journal, account, amount_cents, created_at) VALUES (?, 'shop:clearing', 1, ?)")
                .params(journal, Timestamp.from(LONG_AGO))
                .update();
        try {
            HttpResponse<String> anonymous = reconcile(false);
            HttpResponse<String> operator = reconcile(true);

            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(operator.statusCode()).as(operator.body()).isEqualTo(200);
            assertThat(operator.body())
                    .contains("\"paymentsChecked\":1")
                    .contains("{\"kind\":\"PAYMENT_WITHOUT_JOURNAL\",\"orderNo\":\"" + orderNo + "\"")
                    .contains("{\"kind\":\"PAYMENT_WITHOUT_PAID_ORDER\",\"orderNo\":\"" + orderNo + "\"")
                    .contains("{\"kind\":\"JOURNAL_UNBALANCED\",\"detail\":\"" + journal + " sums to 1\"}")
                    .contains("{\"kind\":\"LEDGER_UNBALANCED\"");
        } finally {
            jdbc.sql("DELETE FROM payment WHERE payment_id = ?").param(ghost).update();
            jdbc.sql("DELETE FROM ledger_entry WHERE journal = ?")
                    .param(journal)
                    .update();
        }
    }

    private HttpResponse<String> reconcile(boolean asOperator) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/admin/payments/reconciliation?from=" + LONG_AGO + "&to=" + LONG_AGO.plus(Duration.ofDays(1))));
        if (asOperator) {
            request.header(
                    Passports.HEADER,
                    Passports.Issuer.ofGatewayFromEnvironment().issue("1", Roles.ADMIN));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<Difference> differencesOf(ReconciliationReport report, String orderNo) {
        assertThat(report.differences()).extracting(Difference::kind).doesNotContain(Difference.Kind.LEDGER_UNBALANCED);
        return report.differences().stream()
                .filter(difference -> orderNo.equals(difference.orderNo()))
                .toList();
    }
}
