package io.shop.api.order;

import io.shop.api.user.ShippingAddressSnapshot;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * An order as its owner and other services see it; money in cents. {@code shippingAddress} is the
 * address as it read when the order was placed, whatever the address book says now; it is null
 * for orders placed before order-service kept it, which have only their {@code addressId}.
 */
public record OrderView(
        String orderNo,
        long userId,
        long addressId,
        ShippingAddressSnapshot shippingAddress,
        String status,
        long totalCents,
        Instant createdAt,
        String paymentId,
        List<Line> lines)
        implements Serializable {

    public OrderView {
        lines = List.copyOf(lines);
    }

    public record Line(long skuId, long productId, String title, String specs, long unitPriceCents, int quantity)
            implements Serializable {}
}
