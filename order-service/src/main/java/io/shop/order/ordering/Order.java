package io.shop.order.ordering;

import io.shop.api.ShopException;
import io.shop.api.order.OrderErrors;
import io.shop.api.order.OrderView;
import java.time.Instant;
import java.util.List;

/** An order and its lines; the total is always the sum of its lines, and only legal moves happen. */
record Order(
        String orderNo,
        long userId,
        long addressId,
        OrderStatus status,
        List<OrderLine> lines,
        Instant createdAt,
        String paymentId) {

    Order {
        lines = List.copyOf(lines);
    }

    static Order place(String orderNo, long userId, long addressId, List<OrderLine> lines, Instant now) {
        return new Order(orderNo, userId, addressId, OrderStatus.CREATED, lines, now, null);
    }

    long totalCents() {
        return lines.stream().mapToLong(OrderLine::subtotalCents).reduce(0, Math::addExact);
    }

    Order pay(String payment) {
        return new Order(orderNo, userId, addressId, next(OrderStatus.PAID), lines, createdAt, payment);
    }

    Order ship() {
        return new Order(orderNo, userId, addressId, next(OrderStatus.SHIPPED), lines, createdAt, paymentId);
    }

    Order complete() {
        return new Order(orderNo, userId, addressId, next(OrderStatus.COMPLETED), lines, createdAt, paymentId);
    }

    Order refund() {
        return new Order(orderNo, userId, addressId, next(OrderStatus.REFUNDED), lines, createdAt, paymentId);
    }

    Order cancel() {
        return new Order(orderNo, userId, addressId, next(OrderStatus.CANCELLED), lines, createdAt, paymentId);
    }

    private OrderStatus next(OrderStatus target) {
        if (!status.canBecome(target)) {
            throw ShopException.conflict(
                    OrderErrors.ORDER_STATE_CONFLICT,
                    "order " + orderNo + " is " + status + " and cannot become " + target);
        }
        return target;
    }

    OrderView view() {
        return new OrderView(
                orderNo,
                userId,
                addressId,
                status.name(),
                totalCents(),
                createdAt,
                paymentId,
                lines.stream().map(OrderLine::view).toList());
    }
}
