package io.shop.api.product;

import java.io.Serializable;
import java.util.List;

/** Reserve stock for an order: every line or none. One line per SKU. */
public record ReserveStockCommand(String orderNo, List<StockLine> lines) implements Serializable {

    public ReserveStockCommand {
        if (orderNo == null || orderNo.isBlank()) {
            throw new IllegalArgumentException("orderNo is required");
        }
        if (lines == null || lines.isEmpty()) {
            throw new IllegalArgumentException("at least one line is required");
        }
        lines = List.copyOf(lines);
        if (lines.stream().map(StockLine::skuId).distinct().count() != lines.size()) {
            throw new IllegalArgumentException("one line per SKU");
        }
    }

    public record StockLine(long skuId, int quantity) implements Serializable {

        public StockLine {
            if (quantity <= 0) {
                throw new IllegalArgumentException("quantity must be positive");
            }
        }
    }
}
