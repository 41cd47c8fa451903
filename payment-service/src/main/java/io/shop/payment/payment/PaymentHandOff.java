package io.shop.payment.payment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shop.api.ShopException;
import io.shop.api.payment.PaymentErrors;
import io.shop.api.payment.PaymentSucceeded;
import io.shop.api.payment.PaymentTopics;
import org.apache.rocketmq.client.producer.TransactionSendResult;
import org.apache.rocketmq.spring.core.RocketMQLocalTransactionState;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.apache.rocketmq.spring.support.RocketMQHeaders;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes money and tells order-service, without a dual write: {@link PaymentSucceeded} goes to the
 * broker as a half message first, the money moves (payment row, balance, ledger journal) in one
 * local transaction, and only then is the message committed. If the end of that exchange is lost
 * (the process dies, the network drops), the broker asks back and {@link
 * PaymentTransactionListener} answers from the payment table.
 */
@Component
class PaymentHandOff {

    static final String DESTINATION = PaymentTopics.PAYMENT_EVENTS + ":PaymentSucceeded";

    /** What moves the money in the local transaction: true when it did, false when there was nothing to do. */
    @FunctionalInterface
    interface LocalWork {
        boolean run();
    }

    private final RocketMQTemplate rocketMq;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;

    PaymentHandOff(RocketMQTemplate rocketMq, TransactionTemplate transactions, ObjectMapper json) {
        this.rocketMq = rocketMq;
        this.transactions = transactions;
        this.json = json;
    }

    /**
     * Runs the local work between the half message and its end; true when it moved the money and
     * the message was committed, false when there was nothing to do (the message was dropped).
     * Fails, having moved nothing, with the local work's business error.
     */
    boolean send(PaymentSucceeded event, LocalTransaction local) {
        TransactionSendResult sent;
        try {
            sent = rocketMq.sendMessageInTransaction(DESTINATION, message(event), local);
        } catch (RuntimeException brokerAway) {
            throw new ShopException(
                    ShopException.Kind.UNAVAILABLE,
                    PaymentErrors.PAYMENTS_UNAVAILABLE,
                    "payments cannot be taken right now");
        }
        if (local.failure != null) {
            throw local.failure;
        }
        return switch (sent.getLocalTransactionState()) {
            case COMMIT_MESSAGE -> true;
            case ROLLBACK_MESSAGE -> false;
            default ->
                throw new IllegalStateException(
                        "payment " + event.paymentId() + " ended " + sent.getLocalTransactionState());
        };
    }

    /**
     * The local transaction, run by the producer between the half message and its commit. A
     * business failure, a duplicate or nothing to do certainly committed nothing: the message is dropped.
     */
    RocketMQLocalTransactionState runLocally(LocalTransaction local) {
        try {
            Boolean moved = transactions.execute(status -> {
                if (local.work.run()) {
                    return true;
                }
                status.setRollbackOnly();
                return false;
            });
            return Boolean.TRUE.equals(moved)
                    ? RocketMQLocalTransactionState.COMMIT
                    : RocketMQLocalTransactionState.ROLLBACK;
        } catch (ShopException | DuplicateKeyException certainlyRolledBack) {
            local.failure = certainlyRolledBack;
            return RocketMQLocalTransactionState.ROLLBACK;
        } catch (RuntimeException unknown) {
            // the commit itself may have gone through: the broker's check-back will look
            local.failure = unknown;
            return RocketMQLocalTransactionState.UNKNOWN;
        }
    }

    private Message<String> message(PaymentSucceeded event) {
        try {
            return MessageBuilder.withPayload(json.writeValueAsString(event))
                    .setHeader(RocketMQHeaders.KEYS, event.orderNo())
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What travels from {@link #send} to the listener and back. */
    static final class LocalTransaction {

        final LocalWork work;
        RuntimeException failure;

        LocalTransaction(LocalWork work) {
            this.work = work;
        }
    }
}
