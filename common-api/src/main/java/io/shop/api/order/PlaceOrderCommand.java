package io.shop.api.order;

import java.io.Serializable;
import java.util.List;

public record PlaceOrderCommand(long userId, List<Line> lines) implements Serializable {

    public static final int MAX_QUANTITY_PER_LINE = 99;

    public PlaceOrderCommand {
        if (userId <= 0) {
            throw new IllegalArgumentException("userId must be positive");
        }
        if (lines == null || lines.isEmpty()) {
            throw new IllegalArgumentException("an order needs at least one line");
        }
        lines = List.copyOf(lines);
    }

    public record Line(long productId, int quantity) implements Serializable {

        public Line {
            if (quantity <= 0 || quantity > MAX_QUANTITY_PER_LINE) {
                throw new IllegalArgumentException("quantity must be between 1 and " + MAX_QUANTITY_PER_LINE);
            }
        }
    }
}
