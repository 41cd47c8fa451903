package io.shop.order.flashsale;

import io.shop.api.flashsale.FlashSaleActivities;
import io.shop.api.flashsale.NewFlashSale;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Instant;

/** An operator's new activity; product-service checks the rest (the SKU, its stock and price). */
record NewFlashSaleRequest(
        @NotNull @Positive Long skuId,
        @NotNull @Positive Long flashPriceCents,
        @NotNull @Min(1) @Max(FlashSaleActivities.MAX_QUANTITY) Integer quantity,
        @NotNull @Min(1) @Max(FlashSaleActivities.MAX_PER_USER_LIMIT) Integer perUserLimit,
        @NotNull Instant startsAt,
        @NotNull Instant endsAt) {

    NewFlashSale toCommand() {
        return new NewFlashSale(skuId, flashPriceCents, quantity, perUserLimit, startsAt, endsAt);
    }
}
