package io.shop.order.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.shop.api.order.OrderCreated;
import io.shop.api.order.OrderTopics;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * The consumer that sets the payment timer, against a producer that answers as told: a broker can
 * answer a send without an exception and still not have stored the message safely.
 */
class PaymentTimerTest {

    static final Instant NOW = Instant.parse("2026-11-26T00:00:00Z");
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    final DefaultMQProducer producer = mock(DefaultMQProducer.class);
    final PaymentTimer timer = new PaymentTimer(template(), JSON, Clock.fixed(NOW, ZoneOffset.UTC), "PaymentDue");

    @Test
    void aTimerTheBrokerConfirmedIsDueWhenThePaymentIs() throws Exception {
        ArgumentCaptor<Message> sent = ArgumentCaptor.forClass(Message.class);
        when(producer.send(sent.capture())).thenReturn(answer(SendStatus.SEND_OK));

        timer.onMessage(created("1764115200000123456707", NOW.plusSeconds(900)));

        assertThat(sent.getValue().getTopic()).isEqualTo(OrderTopics.PAYMENT_TIMEOUT);
        assertThat(sent.getValue().getTags()).isEqualTo("PaymentDue");
        assertThat(sent.getValue().getDeliverTimeMs())
                .isEqualTo(NOW.plusSeconds(900).toEpochMilli());
    }

    @Test
    void aTimerTheBrokerDidNotConfirmMakesTheEventComeAgain() throws Exception {
        for (SendStatus status : new SendStatus[] {
            SendStatus.FLUSH_DISK_TIMEOUT, SendStatus.FLUSH_SLAVE_TIMEOUT, SendStatus.SLAVE_NOT_AVAILABLE
        }) {
            when(producer.send(any(Message.class))).thenReturn(answer(status));

            assertThatThrownBy(() -> timer.onMessage(created("1764115200000123456707", NOW.plusSeconds(900))))
                    .as("%s", status)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(status.name());
        }
    }

    @Test
    void aTimerForAnOrderAlreadyDueFiresAtOnce() throws Exception {
        ArgumentCaptor<Message> sent = ArgumentCaptor.forClass(Message.class);
        when(producer.send(sent.capture())).thenReturn(answer(SendStatus.SEND_OK));

        assertThatCode(() -> timer.onMessage(created("1764115200000123456707", NOW.minusSeconds(1))))
                .doesNotThrowAnyException();
        assertThat(sent.getValue().getDeliverTimeMs()).isZero();
    }

    private RocketMQTemplate template() {
        RocketMQTemplate template = mock(RocketMQTemplate.class);
        when(template.getProducer()).thenReturn(producer);
        return template;
    }

    private static SendResult answer(SendStatus status) {
        SendResult result = new SendResult();
        result.setSendStatus(status);
        return result;
    }

    private static MessageExt created(String orderNo, Instant payBy) throws Exception {
        MessageExt message = new MessageExt();
        message.setBody(JSON.writeValueAsBytes(new OrderCreated("e-1", NOW, orderNo, 7, 850, payBy)));
        return message;
    }
}
