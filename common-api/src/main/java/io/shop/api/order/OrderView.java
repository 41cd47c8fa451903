package io.shop.api.order;

import java.io.Serializable;
import java.util.List;

public record OrderView(String orderNo, long userId, String status, long totalCents, List<Line> lines)
        implements Serializable {

    public record Line(long productId, String productName, long unitPriceCents, int quantity) implements Serializable {}
}
