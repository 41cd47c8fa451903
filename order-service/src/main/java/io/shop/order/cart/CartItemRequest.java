package io.shop.order.cart;

import io.shop.api.order.OrderErrors;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

record CartItemRequest(
        @NotNull @Positive Long skuId, @NotNull @Min(1) @Max(OrderErrors.MAX_QUANTITY_PER_LINE) Integer quantity) {}
