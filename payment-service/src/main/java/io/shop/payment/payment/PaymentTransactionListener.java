package io.shop.payment.payment;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.shop.api.payment.PaymentSucceeded;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.apache.rocketmq.spring.annotation.RocketMQTransactionListener;
import org.apache.rocketmq.spring.core.RocketMQLocalTransactionListener;
import org.apache.rocketmq.spring.core.RocketMQLocalTransactionState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;

/**
 * The producer side of the payment's transactional message: runs the local transaction, and
 * answers the broker's check-back for a half message whose end was lost. A payment that took the
 * money means commit; none (or one still pending), once the local transaction can no longer be
 * running, means roll back.
 */
@RocketMQTransactionListener
class PaymentTransactionListener implements RocketMQLocalTransactionListener {

    private static final Logger log = LoggerFactory.getLogger(PaymentTransactionListener.class);

    /** Longer than any local transaction of a payment may take. */
    static final Duration UNDECIDED_FOR_AT_MOST = Duration.ofMinutes(2);

    private final PaymentHandOff handOff;
    private final PaymentRepository payments;
    private final ObjectMapper json;
    private final Clock clock;

    PaymentTransactionListener(PaymentHandOff handOff, PaymentRepository payments, ObjectMapper json, Clock clock) {
        this.handOff = handOff;
        this.payments = payments;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public RocketMQLocalTransactionState executeLocalTransaction(Message msg, Object arg) {
        return handOff.runLocally((PaymentHandOff.LocalTransaction) arg);
    }

    @Override
    public RocketMQLocalTransactionState checkLocalTransaction(Message msg) {
        PaymentSucceeded event = event(msg);
        if (payments.find(event.paymentId())
                .filter(payment -> payment.status().tookMoney())
                .isPresent()) {
            log.info("payment {} found on check-back: message committed", event.paymentId());
            return RocketMQLocalTransactionState.COMMIT;
        }
        if (Duration.between(event.occurredAt(), clock.instant()).compareTo(UNDECIDED_FOR_AT_MOST) < 0) {
            return RocketMQLocalTransactionState.UNKNOWN;
        }
        log.info("payment {} never committed: message rolled back", event.paymentId());
        return RocketMQLocalTransactionState.ROLLBACK;
    }

    private PaymentSucceeded event(Message msg) {
        Object payload = msg.getPayload();
        try {
            return payload instanceof byte[] bytes
                    ? json.readValue(new String(bytes, StandardCharsets.UTF_8), PaymentSucceeded.class)
                    : json.readValue(payload.toString(), PaymentSucceeded.class);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable payment message", e);
        }
    }
}
