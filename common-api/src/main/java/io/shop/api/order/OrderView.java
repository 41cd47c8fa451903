package io.shop.api.order;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** An order as its owner and other services see it; money in cents. */
public record OrderView(
        String orderNo,
        long userId,
        long addressId,
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
