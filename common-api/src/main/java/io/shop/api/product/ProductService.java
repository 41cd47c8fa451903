package io.shop.api.product;

import io.shop.api.CallableBy;
import java.util.List;

/**
 * What other services ask of the catalog over Dubbo.
 *
 * <p>Failures carry a {@link ProductErrors} code: {@code SKU_NOT_FOUND}, {@code PRODUCT_OFF_SHELF},
 * {@code OUT_OF_STOCK} (a reservation that would take stock below zero; nothing of it is kept),
 * {@code RESERVATION_CONFLICT} (an order number reused with other lines).
 */
public interface ProductService {

    int MAX_SKUS_PER_CALL = 100;

    /** The SKUs with those ids as they are now; ids that do not exist are left out. */
    @CallableBy({"order-service"})
    List<SkuSnapshot> getSkus(List<Long> skuIds);

    /**
     * Takes the stock of every line or of none, and remembers it under the order number. Runs as a
     * branch of the caller's Seata global transaction when there is one, so a later failure of the
     * caller gives the stock back. Calling it again for the same order number and lines changes
     * nothing.
     */
    @CallableBy({"order-service"})
    void reserveStock(ReserveStockCommand command);

    /**
     * Gives back the stock reserved for an order, exactly once: true when this call gave it back,
     * false when there was nothing (left) to give back: never reserved, already released, or
     * confirmed.
     */
    @CallableBy({"order-service"})
    boolean releaseStock(String orderNo);

    /** Makes an order's reservation final (the order was paid): it can no longer be released. */
    @CallableBy({"order-service"})
    void confirmStock(String orderNo);

    /**
     * A paid order was refunded before it shipped: its confirmed stock goes back on sale, exactly
     * once. True when this call returned it, false when there was nothing (left) to return. For
     * order-service, inside the global transaction of the refund, like the other stock methods.
     */
    @CallableBy({"order-service"})
    boolean returnStock(String orderNo);

    /**
     * Every product, on shelf or not, in id order, for rebuilding a search index: the page after
     * {@code afterProductId} (0 for the first).
     */
    @CallableBy({"search-service"})
    ProductListingPage listProducts(long afterProductId, int size);
}
