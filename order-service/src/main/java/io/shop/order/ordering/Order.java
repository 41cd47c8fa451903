package io.shop.order.ordering;

import io.shop.api.ShopException;
import io.shop.api.order.OrderErrors;
import io.shop.api.order.OrderView;
import io.shop.api.user.ShippingAddressSnapshot;
import java.time.Instant;
import java.util.List;

/**
 * An order and its lines; the total is always the sum of its lines, and only legal moves happen.
 * {@code shippingAddress} is the address as it read at checkout; null for orders placed before
 * orders kept it. {@code flashSale} is the flash-sale ticket the order was made for (its unit came
 * out of the activity, not the SKU's stock); null for every other order.
 */
record Order(
        String orderNo,
        long userId,
        long addressId,
        ShippingAddressSnapshot shippingAddress,
        OrderStatus status,
        List<OrderLine> lines,
        Instant createdAt,
        String paymentId,
        FlashSaleUnit flashSale) {

    Order {
        lines = List.copyOf(lines);
    }

    static Order place(
            String orderNo, long userId, ShippingAddressSnapshot shipTo, List<OrderLine> lines, Instant now) {
        return new Order(orderNo, userId, shipTo.id(), shipTo, OrderStatus.CREATED, lines, now, null, null);
    }

    static Order placeForFlashSale(
            String orderNo,
            long userId,
            ShippingAddressSnapshot shipTo,
            OrderLine line,
            Instant now,
            FlashSaleUnit unit) {
        return new Order(orderNo, userId, shipTo.id(), shipTo, OrderStatus.CREATED, List.of(line), now, null, unit);
    }

    boolean fromFlashSale() {
        return flashSale != null;
    }

    long totalCents() {
        return lines.stream().mapToLong(OrderLine::subtotalCents).reduce(0, Math::addExact);
    }

    Order pay(String payment) {
        return moved(OrderStatus.PAID, payment);
    }

    Order ship() {
        return moved(OrderStatus.SHIPPED, paymentId);
    }

    Order complete() {
        return moved(OrderStatus.COMPLETED, paymentId);
    }

    Order refund() {
        return moved(OrderStatus.REFUNDED, paymentId);
    }

    Order cancel() {
        return moved(OrderStatus.CANCELLED, paymentId);
    }

    private Order moved(OrderStatus target, String payment) {
        if (!status.canBecome(target)) {
            throw ShopException.conflict(
                    OrderErrors.ORDER_STATE_CONFLICT,
                    "order " + orderNo + " is " + status + " and cannot become " + target);
        }
        return new Order(orderNo, userId, addressId, shippingAddress, target, lines, createdAt, payment, flashSale);
    }

    OrderView view() {
        return new OrderView(
                orderNo,
                userId,
                addressId,
                shippingAddress,
                status.name(),
                totalCents(),
                createdAt,
                paymentId,
                lines.stream().map(OrderLine::view).toList());
    }
}
