package io.shop.api.flashsale;

import java.io.Serializable;
import java.time.Instant;

/**
 * A flash sale: {@code quantity} units of one SKU, taken out of its normal stock when the activity
 * was created, sold at {@code flashPriceCents} between {@code startsAt} (inclusive) and {@code
 * endsAt} (exclusive), at most {@code perUserLimit} units to one user. {@code title}, {@code specs}
 * and {@code regularPriceCents} are the SKU's as they read when the activity was created.
 */
public record FlashSaleActivity(
        long id,
        long skuId,
        long productId,
        String title,
        String specs,
        long flashPriceCents,
        long regularPriceCents,
        int quantity,
        int perUserLimit,
        Instant startsAt,
        Instant endsAt,
        Instant createdAt)
        implements Serializable {}
