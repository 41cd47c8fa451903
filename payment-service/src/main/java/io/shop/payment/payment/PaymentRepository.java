package io.shop.payment.payment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PaymentRepository {

    private static final String COLUMNS =
            "payment_id, order_no, user_id, amount_cents, method, status, idempotency_key, created_at,"
                    + " provider_intent_id, pay_url";

    private final JdbcClient jdbc;

    PaymentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Fails with a duplicate key when the payer used this Idempotency-Key before, or when the
     * order already has a payment holding its money (a pending payment holds none yet).
     */
    void insert(Payment payment) {
        jdbc.sql("INSERT INTO payment (payment_id, order_no, user_id, amount_cents, method, status, idempotency_key,"
                        + " paid_order_no, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        payment.paymentId(),
                        payment.orderNo(),
                        payment.userId(),
                        payment.amountCents(),
                        payment.method(),
                        payment.status().name(),
                        payment.idempotencyKey(),
                        payment.status() == Payment.Status.SUCCEEDED ? payment.orderNo() : null,
                        Timestamp.from(payment.createdAt()))
                .update();
    }

    Optional<Payment> find(String paymentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment WHERE payment_id = ?")
                .param(paymentId)
                .query(PaymentRepository::row)
                .optional();
    }

    Optional<Payment> findByKey(long userId, String idempotencyKey) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment WHERE user_id = ? AND idempotency_key = ?")
                .params(userId, idempotencyKey)
                .query(PaymentRepository::row)
                .optional();
    }

    Optional<Payment> findByIntent(String intentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment WHERE provider_intent_id = ?")
                .param(intentId)
                .query(PaymentRepository::row)
                .optional();
    }

    void attachIntent(String paymentId, String intentId, String payUrl) {
        jdbc.sql("UPDATE payment SET provider_intent_id = ?, pay_url = ? WHERE payment_id = ?")
                .params(intentId, payUrl, paymentId)
                .update();
    }

    /**
     * PENDING to SUCCEEDED, once: false when it had ended already. The payment holds the order's
     * money unless another payment holds it already (then order-service gives this one back).
     */
    boolean markSucceeded(String paymentId) {
        try {
            return jdbc.sql("UPDATE payment SET status = 'SUCCEEDED', paid_order_no = order_no WHERE payment_id = ?"
                                    + " AND status = 'PENDING'")
                            .param(paymentId)
                            .update()
                    == 1;
        } catch (DuplicateKeyException orderPaidByAnother) {
            return jdbc.sql("UPDATE payment SET status = 'SUCCEEDED' WHERE payment_id = ? AND status = 'PENDING'")
                            .param(paymentId)
                            .update()
                    == 1;
        }
    }

    /** PENDING to FAILED or EXPIRED, once: false when it had ended already. */
    boolean markUnpaid(String paymentId, Payment.Status outcome) {
        return jdbc.sql("UPDATE payment SET status = ? WHERE payment_id = ? AND status = 'PENDING'")
                        .params(outcome.name(), paymentId)
                        .update()
                == 1;
    }

    /** SUCCEEDED to REFUNDED, once: false when it was refunded already (or never succeeded). */
    boolean markRefunded(String paymentId) {
        return jdbc.sql("UPDATE payment SET status = 'REFUNDED', paid_order_no = NULL WHERE payment_id = ?"
                                + " AND status = 'SUCCEEDED'")
                        .param(paymentId)
                        .update()
                == 1;
    }

    private static Payment row(ResultSet rs, int n) throws SQLException {
        return new Payment(
                rs.getString("payment_id"),
                rs.getString("order_no"),
                rs.getLong("user_id"),
                rs.getLong("amount_cents"),
                rs.getString("method"),
                Payment.Status.valueOf(rs.getString("status")),
                rs.getString("idempotency_key"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("provider_intent_id"),
                rs.getString("pay_url"));
    }
}
