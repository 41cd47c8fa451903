package io.shop.order.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shop.api.order.OrderTopics;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.apache.seata.spring.annotation.GlobalLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Order events without dual writes. An event is written to {@code t_order_event} in the order's own
 * shard, in the same local transaction (and so the same Seata branch) as the change it announces.
 * It is published only once the global transaction has committed: by the caller right after its
 * {@code @GlobalTransactional} method returned, or later by {@link OutboxSweeper}. A plain
 * after-commit relay would be wrong under Seata AT: the local branch commits in phase one, and the
 * global transaction can still roll it back afterwards.
 */
@Component
public class OrderOutbox {

    private static final Logger log = LoggerFactory.getLogger(OrderOutbox.class);

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final RocketMQTemplate rocketMq;
    private final Clock clock;

    OrderOutbox(JdbcClient jdbc, ObjectMapper json, RocketMQTemplate rocketMq, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.rocketMq = rocketMq;
        this.clock = clock;
    }

    /** Records an event in the current (local) transaction; the tag is the event's class name. */
    public OrderEvent add(String eventId, String orderNo, long userId, Object event) {
        OrderEvent row =
                new OrderEvent(eventId, orderNo, userId, event.getClass().getSimpleName(), toJson(event));
        jdbc.sql("INSERT INTO t_order_event (event_id, order_no, user_id, tag, payload, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(row.eventId(), orderNo, userId, row.tag(), row.payload(), Timestamp.from(clock.instant()))
                .update();
        return row;
    }

    /**
     * Publishes events whose global transaction has committed and forgets them. A failure leaves
     * the rest for the sweeper; an event published but not yet forgotten goes out again, so
     * consumers drop events whose id they have seen. Returns how many went out.
     */
    public int publish(List<OrderEvent> events) {
        int published = 0;
        for (OrderEvent event : events) {
            try {
                Message message = new Message(
                        OrderTopics.ORDER_EVENTS,
                        event.tag(),
                        event.orderNo(),
                        event.payload().getBytes(StandardCharsets.UTF_8));
                SendResult sent = rocketMq.getProducer().send(message);
                if (sent.getSendStatus() != SendStatus.SEND_OK) {
                    throw new IllegalStateException("broker answered " + sent.getSendStatus());
                }
                jdbc.sql("DELETE FROM t_order_event WHERE order_no = ? AND event_id = ?")
                        .params(event.orderNo(), event.eventId())
                        .update();
                published++;
            } catch (Exception e) {
                log.warn("event {} of order {} left for the sweeper: {}", event.tag(), event.orderNo(), e.toString());
                break;
            }
        }
        return published;
    }

    /**
     * Events older than {@code before} that are still here: their publisher died or the broker was
     * away. Read under Seata's global lock, so an event whose global transaction is still undecided
     * (or being rolled back) is not returned.
     */
    @GlobalLock(lockRetryInterval = 100, lockRetryTimes = 5)
    public List<OrderEvent> leftovers(Instant before, int limit) {
        return jdbc.sql("SELECT event_id, order_no, user_id, tag, payload FROM t_order_event WHERE created_at < ?"
                        + " ORDER BY created_at LIMIT ? FOR UPDATE")
                .params(Timestamp.from(before), limit)
                .query(OrderEvent.class)
                .list();
    }

    private String toJson(Object event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "cannot write " + event.getClass().getName() + " as JSON", e);
        }
    }
}
