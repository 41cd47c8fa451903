package io.shop.infra;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.Test;

/** Runs against the NameServer and broker that the launcher started. */
class RocketMqMessageRoundTripIT {

    private static final String NAMESRV = RocketMqNodes.NAMESRV;
    private static final String BROKER = RocketMqNodes.BROKER;
    private static final String TOPIC = "shop-infra-selftest";

    @Test
    void messageSentByProducerReachesPushConsumerWithItsKeyAndBody() throws Exception {
        String run = UUID.randomUUID().toString();
        String group = "shop-selftest-" + run;
        String key = "key-" + run;
        String body = "self test " + run;
        Queue<MessageExt> received = new ConcurrentLinkedQueue<>();

        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(group);
        consumer.setNamesrvAddr(NAMESRV);
        consumer.setInstanceName(group);
        // older self-test messages may sit in the topic: they are told apart by key
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(TOPIC, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            received.addAll(messages);
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        DefaultMQProducer producer = new DefaultMQProducer(group + "-producer");
        producer.setNamesrvAddr(NAMESRV);
        producer.setInstanceName(group);
        try {
            consumer.start();
            producer.start();

            SendResult sent = producer.send(new Message(TOPIC, "selftest", key, body.getBytes(UTF_8)));

            assertThat(sent.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(received)
                    .filteredOn(message -> key.equals(message.getKeys()))
                    .singleElement()
                    .satisfies(message ->
                            assertThat(new String(message.getBody(), UTF_8)).isEqualTo(body)));
        } finally {
            producer.shutdown();
            consumer.shutdown();
            deleteGroup(group);
        }
    }

    private static void deleteGroup(String group) throws Exception {
        DefaultMQAdminExt admin = new DefaultMQAdminExt("shop-selftest-admin");
        admin.setNamesrvAddr(NAMESRV);
        admin.setInstanceName(group);
        admin.start();
        try {
            admin.deleteSubscriptionGroup(BROKER, group, true);
        } finally {
            admin.shutdown();
        }
    }
}
