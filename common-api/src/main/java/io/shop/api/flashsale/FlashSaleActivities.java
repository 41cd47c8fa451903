package io.shop.api.flashsale;

import io.shop.api.CallableBy;
import java.time.Instant;
import java.util.List;

/**
 * The flash-sale activities, kept by product-service beside the stock they are taken from. The
 * sale itself (who gets a unit, the orders) is order-service's.
 *
 * <p>Failures: {@code FLASH_SALE_NOT_FOUND}, {@code SKU_NOT_FOUND}, {@code OUT_OF_STOCK} (the
 * SKU's stock is less than the quantity), {@code INVALID_FLASH_SALE} (a field out of range, named
 * in the message), {@code FORBIDDEN} for a caller who is not an operator.
 */
public interface FlashSaleActivities {

    int MAX_QUANTITY = 100_000;
    int MAX_PER_USER_LIMIT = 10;
    int MAX_LISTED = 200;

    /**
     * Creates an activity for the operator the call is made for, taking its quantity out of the
     * SKU's stock in the same database transaction: both happen, or neither.
     */
    @CallableBy({"order-service"})
    FlashSaleActivity create(NewFlashSale sale);

    @CallableBy({"order-service"})
    FlashSaleActivity get(long activityId);

    /**
     * The activities that have not ended at {@code instant} and start before {@code startsBefore},
     * by start time, at most {@link #MAX_LISTED}.
     */
    @CallableBy({"order-service"})
    List<FlashSaleActivity> openBetween(Instant instant, Instant startsBefore);
}
