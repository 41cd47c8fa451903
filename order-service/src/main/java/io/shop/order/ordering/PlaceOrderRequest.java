package io.shop.order.ordering;

import io.shop.api.order.OrderErrors;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What to buy and where to send it. Without {@code lines} the whole cart is ordered. A line may
 * carry the unit price the customer saw; if the price is different now, nothing is ordered.
 */
record PlaceOrderRequest(
        @NotNull @Positive Long addressId,
        @Size(min = 1, max = OrderErrors.MAX_LINES) List<@Valid @NotNull Line> lines) {

    record Line(
            @NotNull @Positive Long skuId,
            @NotNull @Min(1) @Max(OrderErrors.MAX_QUANTITY_PER_LINE) Integer quantity,
            @PositiveOrZero Long expectedUnitPriceCents) {}

    boolean wholeCart() {
        return lines == null;
    }
}
