package io.shop.order.ordering;

import io.shop.order.outbox.OrderEvent;
import java.util.List;

/** An order after a change, and the events to publish once the change has committed globally. */
record OrderChange(Order order, List<OrderEvent> events) {

    static OrderChange none(Order order) {
        return new OrderChange(order, List.of());
    }
}
