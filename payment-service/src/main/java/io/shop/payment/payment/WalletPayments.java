package io.shop.payment.payment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shop.api.ShopException;
import io.shop.api.payment.PaymentErrors;
import io.shop.api.payment.PaymentSucceeded;
import io.shop.api.payment.PaymentTopics;
import io.shop.payment.wallet.WalletMoney;
import org.apache.rocketmq.client.producer.LocalTransactionState;
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
 * Takes a wallet payment and tells order-service, without a dual write: {@link PaymentSucceeded}
 * goes to the broker as a half message first, the debit, its ledger journal and the payment row
 * commit in one local transaction, and only then is the message committed. If the end of that
 * exchange is lost (the process dies, the network drops), the broker asks back and {@link
 * PaymentTransactionListener} answers from the payment table.
 */
@Component
class WalletPayments {

    static final String DESTINATION = PaymentTopics.PAYMENT_EVENTS + ":PaymentSucceeded";

    private final RocketMQTemplate rocketMq;
    private final PaymentRepository payments;
    private final WalletMoney money;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;

    WalletPayments(
            RocketMQTemplate rocketMq,
            PaymentRepository payments,
            WalletMoney money,
            TransactionTemplate transactions,
            ObjectMapper json) {
        this.rocketMq = rocketMq;
        this.payments = payments;
        this.money = money;
        this.transactions = transactions;
        this.json = json;
    }

    /** Takes the money; fails (having taken nothing) with the business error of the local transaction. */
    void take(Payment payment) {
        LocalTransaction local = new LocalTransaction(payment);
        TransactionSendResult sent;
        try {
            sent = rocketMq.sendMessageInTransaction(DESTINATION, message(payment.succeeded()), local);
        } catch (RuntimeException brokerAway) {
            throw new ShopException(
                    ShopException.Kind.UNAVAILABLE,
                    PaymentErrors.PAYMENTS_UNAVAILABLE,
                    "payments cannot be taken right now");
        }
        if (local.failure != null) {
            throw local.failure;
        }
        if (sent.getLocalTransactionState() != LocalTransactionState.COMMIT_MESSAGE) {
            throw new IllegalStateException(
                    "payment " + payment.paymentId() + " ended " + sent.getLocalTransactionState());
        }
    }

    /**
     * The local transaction, run by the producer between the half message and its commit. A
     * business failure or a duplicate certainly committed nothing: the message is dropped.
     */
    RocketMQLocalTransactionState runLocally(LocalTransaction local) {
        Payment payment = local.payment;
        try {
            transactions.executeWithoutResult(status -> {
                payments.insert(payment);
                money.pay(payment.userId(), payment.amountCents(), payment.journal());
            });
            return RocketMQLocalTransactionState.COMMIT;
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

    /** What travels from {@link #take} to the listener and back. */
    static final class LocalTransaction {

        final Payment payment;
        RuntimeException failure;

        LocalTransaction(Payment payment) {
            this.payment = payment;
        }
    }
}
