package io.shop.payment.payment;

import io.shop.api.payment.PaymentTopics;
import org.apache.rocketmq.client.impl.factory.MQClientInstance;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Makes the broker know this instance as a producer of the payment group as soon as it starts. A
 * producer heartbeats only to brokers it has routes for, and it learns routes from its own sends:
 * an instance that had sent nothing yet (a fresh start, or the only one left after another died
 * mid-payment) was unknown to the broker, whose check-back then found no one to ask ("channel is
 * null") and gave the half message up.
 */
@Component
class CheckBackRegistration implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CheckBackRegistration.class);

    private final RocketMQTemplate rocketMq;

    CheckBackRegistration(RocketMQTemplate rocketMq) {
        this.rocketMq = rocketMq;
    }

    @Override
    public void run(ApplicationArguments args) {
        MQClientInstance client =
                rocketMq.getProducer().getDefaultMQProducerImpl().getMqClientFactory();
        if (!client.updateTopicRouteInfoFromNameServer(PaymentTopics.PAYMENT_EVENTS)
                || !client.sendHeartbeatToAllBrokerWithLock()) {
            // then this instance becomes known with its first payment, as before
            log.warn("broker not reached: this instance answers check-backs once it has sent a payment");
        }
    }
}
