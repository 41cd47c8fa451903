package io.shop.api.flashsale;

import java.io.Serializable;
import java.time.Instant;

/** What an operator asks for when creating a flash sale; see {@link FlashSaleActivity}. */
public record NewFlashSale(
        long skuId, long flashPriceCents, int quantity, int perUserLimit, Instant startsAt, Instant endsAt)
        implements Serializable {}
