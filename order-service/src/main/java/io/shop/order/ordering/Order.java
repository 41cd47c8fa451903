package io.shop.order.ordering;

import io.shop.api.order.OrderView;
import java.util.List;

/** An order and its lines; the total is always the sum of its lines. */
record Order(String orderNo, long userId, OrderStatus status, List<OrderLine> lines) {

    Order {
        lines = List.copyOf(lines);
    }

    static Order place(String orderNo, long userId, List<OrderLine> lines) {
        return new Order(orderNo, userId, OrderStatus.CREATED, lines);
    }

    long totalCents() {
        return lines.stream().mapToLong(OrderLine::subtotalCents).sum();
    }

    OrderView view() {
        return new OrderView(
                orderNo,
                userId,
                status.name(),
                totalCents(),
                lines.stream().map(OrderLine::view).toList());
    }
}
