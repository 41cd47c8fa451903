package io.shop.order.ordering;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.shop.api.order.OrderCreated;
import io.shop.order.InProcessOrderService;
import io.shop.order.sharding.OrderShards;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An order committed, then the service died before publishing its event: the row left in the
 * shard's outbox is published by the sweeper, and the payment timer still fires.
 */
class EventsAfterACrashIT extends InProcessOrderService {

    @Autowired
    ObjectMapper json;

    @Autowired
    OrderNumbers numbers;

    @Test
    void anEventLeftInTheOutboxIsPublishedAndTheUnpaidOrderStillTimesOut() throws Exception {
        long user = newUser();
        String orderNo = numbers.next(user);
        Instant placedAt = Instant.now().minusSeconds(30);
        int shard = OrderShards.shardOfUser(user);
        JdbcClient db = shards.database(OrderShards.database(shard));
        int table = OrderShards.table(shard);
        Instant payBy = placedAt.plusSeconds(4);
        db.sql("INSERT INTO t_order_" + table + " (order_no, user_id, address_id, status, total_cents,"
                        + " idempotency_key, request_hash, created_at, updated_at, pay_by)"
                        + " VALUES (?, ?, 1, 'CREATED', 850, ?, ?, ?, ?, ?)")
                .params(
                        orderNo,
                        user,
                        UUID.randomUUID().toString(),
                        "0".repeat(64),
                        ts(placedAt),
                        ts(placedAt),
                        ts(payBy))
                .update();
        String eventId = UUID.randomUUID().toString();
        db.sql("INSERT INTO t_order_event_" + table
                        + " (event_id, order_no, user_id, tag, payload, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(
                        eventId,
                        orderNo,
                        user,
                        "OrderCreated",
                        json.writeValueAsString(new OrderCreated(eventId, placedAt, orderNo, user, 850, payBy)),
                        ts(placedAt))
                .update();

        await().atMost(Duration.ofSeconds(60)).until(() -> "CANCELLED".equals(shards.status(orderNo)));
        await().atMost(Duration.ofSeconds(10)).until(() -> shards.rowsEverywhere("t_order_event", orderNo) == 0);
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
