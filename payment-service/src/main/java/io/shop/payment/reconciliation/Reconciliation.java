package io.shop.payment.reconciliation;

import io.shop.api.order.OrderPaymentState;
import io.shop.api.order.OrderService;
import io.shop.payment.reconciliation.Difference.Kind;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.dubbo.config.annotation.DubboReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Compares payment-service's payments and ledger with order-service's orders for a period and
 * lists every disagreement: a payment that took money without a paid order, a paid order without
 * a payment that took its money, refunds on one side only, amounts that differ, journals (and the
 * ledger as a whole) that do not sum to zero.
 */
@Service
public class Reconciliation {

    private static final Set<String> PAID = Set.of("PAID", "SHIPPED", "COMPLETED");
    private static final int LIMIT = OrderService.MAX_RECONCILED;

    private final JdbcClient jdbc;
    private final ReconciliationSettings settings;
    private final Clock clock;

    @DubboReference
    private OrderService orders;

    Reconciliation(JdbcClient jdbc, ReconciliationSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    private record PaymentRow(
            String paymentId, String orderNo, long amountCents, String status, boolean holdsOrder, Instant updatedAt) {}

    public ReconciliationReport report(Instant from, Instant to) {
        Instant settled = clock.instant().minus(settings.settleTime());
        List<PaymentRow> payments = paymentsCreatedBetween(from, to);
        List<OrderPaymentState> paidOrders = orders.paidOrdersPlacedBetween(from, to);
        Map<String, OrderPaymentState> orderOf =
                orders
                        .paymentStatesOf(payments.stream()
                                .map(PaymentRow::orderNo)
                                .distinct()
                                .toList())
                        .stream()
                        .collect(Collectors.toMap(OrderPaymentState::orderNo, Function.identity()));
        Map<String, PaymentRow> paymentOf = paymentsById(paidOrders.stream()
                .map(OrderPaymentState::paymentId)
                .filter(id -> id != null)
                .toList());
        Set<String> journals = journalsOf(payments);

        List<Difference> differences = new ArrayList<>();
        payments.stream()
                .filter(payment -> payment.updatedAt().isBefore(settled))
                .forEach(payment -> checkPayment(payment, orderOf.get(payment.orderNo()), journals, differences));
        paidOrders.stream()
                .filter(order -> order.updatedAt().isBefore(settled))
                .forEach(order -> checkOrder(order, paymentOf.get(order.paymentId()), differences));
        unbalancedJournals(from, to)
                .forEach((journal, sum) -> differences.add(
                        new Difference(Kind.JOURNAL_UNBALANCED, null, null, journal + " sums to " + sum)));
        long ledgerTotal = jdbc.sql("SELECT COALESCE(SUM(amount_cents), 0) FROM ledger_entry")
                .query(Long.class)
                .single();
        if (ledgerTotal != 0) {
            differences.add(new Difference(Kind.LEDGER_UNBALANCED, null, null, "the ledger sums to " + ledgerTotal));
        }
        boolean truncated = payments.size() >= LIMIT || paidOrders.size() >= LIMIT;
        return new ReconciliationReport(from, to, payments.size(), paidOrders.size(), truncated, differences);
    }

    private static void checkPayment(
            PaymentRow payment, OrderPaymentState order, Set<String> journals, List<Difference> differences) {
        if (!journals.contains("payment:" + payment.paymentId())) {
            differences.add(
                    difference(Kind.PAYMENT_WITHOUT_JOURNAL, payment, "no journal payment:" + payment.paymentId()));
        }
        boolean refunded = payment.status().equals("REFUNDED");
        if (refunded && !journals.contains("refund:" + payment.paymentId())) {
            differences.add(
                    difference(Kind.PAYMENT_WITHOUT_JOURNAL, payment, "no journal refund:" + payment.paymentId()));
        }
        boolean paidWithIt = order != null
                && PAID.contains(order.status())
                && payment.paymentId().equals(order.paymentId());
        if (!refunded && payment.holdsOrder() && !paidWithIt) {
            differences.add(difference(
                    Kind.PAYMENT_WITHOUT_PAID_ORDER,
                    payment,
                    order == null ? "no such order" : "order is " + order.status()));
        } else if (!refunded && !payment.holdsOrder()) {
            differences.add(difference(Kind.PAYMENT_NOT_REFUNDED, payment, "the order is paid by another payment"));
        } else if (refunded && paidWithIt) {
            differences.add(difference(Kind.REFUND_MISMATCH, payment, "refunded, yet order is " + order.status()));
        }
    }

    private static void checkOrder(OrderPaymentState order, PaymentRow payment, List<Difference> differences) {
        if (payment == null || !payment.orderNo().equals(order.orderNo())) {
            differences.add(new Difference(
                    Kind.PAID_ORDER_WITHOUT_PAYMENT, order.orderNo(), order.paymentId(), "order is " + order.status()));
            return;
        }
        boolean orderRefunded = order.status().equals("REFUNDED");
        boolean paymentRefunded = payment.status().equals("REFUNDED");
        if (!paymentRefunded && !payment.status().equals("SUCCEEDED")) {
            differences.add(difference(Kind.PAID_ORDER_WITHOUT_PAYMENT, payment, "payment is " + payment.status()));
        } else if (orderRefunded != paymentRefunded) {
            differences.add(difference(
                    Kind.REFUND_MISMATCH, payment, "order is " + order.status() + ", payment is " + payment.status()));
        }
        if (payment.amountCents() != order.totalCents()) {
            differences.add(difference(
                    Kind.AMOUNT_MISMATCH,
                    payment,
                    "order total " + order.totalCents() + ", payment " + payment.amountCents()));
        }
    }

    private static Difference difference(Kind kind, PaymentRow payment, String detail) {
        return new Difference(kind, payment.orderNo(), payment.paymentId(), detail);
    }

    private List<PaymentRow> paymentsCreatedBetween(Instant from, Instant to) {
        return jdbc.sql("SELECT payment_id, order_no, amount_cents, status, paid_order_no, updated_at FROM payment"
                        + " WHERE created_at >= ? AND created_at < ? AND status IN ('SUCCEEDED', 'REFUNDED')"
                        + " ORDER BY created_at LIMIT ?")
                .params(Timestamp.from(from), Timestamp.from(to), LIMIT)
                .query(Reconciliation::paymentRow)
                .list();
    }

    private Map<String, PaymentRow> paymentsById(List<String> paymentIds) {
        if (paymentIds.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql("SELECT payment_id, order_no, amount_cents, status, paid_order_no, updated_at FROM payment"
                        + " WHERE payment_id IN (:ids)")
                .param("ids", paymentIds)
                .query(Reconciliation::paymentRow)
                .list()
                .stream()
                .collect(Collectors.toMap(PaymentRow::paymentId, Function.identity()));
    }

    private Set<String> journalsOf(List<PaymentRow> payments) {
        if (payments.isEmpty()) {
            return Set.of();
        }
        List<String> names = payments.stream()
                .flatMap(payment ->
                        java.util.stream.Stream.of("payment:" + payment.paymentId(), "refund:" + payment.paymentId()))
                .toList();
        return Set.copyOf(jdbc.sql("SELECT DISTINCT journal FROM ledger_entry WHERE journal IN (:names)")
                .param("names", names)
                .query(String.class)
                .list());
    }

    private Map<String, Long> unbalancedJournals(Instant from, Instant to) {
        return jdbc
                .sql("SELECT journal, SUM(amount_cents) AS total FROM ledger_entry WHERE created_at >= ?"
                        + " AND created_at < ? GROUP BY journal HAVING SUM(amount_cents) <> 0")
                .params(Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> Map.entry(rs.getString("journal"), rs.getLong("total")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static PaymentRow paymentRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new PaymentRow(
                rs.getString("payment_id"),
                rs.getString("order_no"),
                rs.getLong("amount_cents"),
                rs.getString("status"),
                rs.getString("paid_order_no") != null,
                rs.getTimestamp("updated_at").toInstant());
    }
}
