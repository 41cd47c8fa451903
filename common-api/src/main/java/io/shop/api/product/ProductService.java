package io.shop.api.product;

/**
 * What other services ask of the catalog over Dubbo.
 *
 * <p>Failures: {@code PRODUCT_NOT_FOUND} (unknown id), {@code OUT_OF_STOCK} (a reservation that
 * would take stock below zero; nothing of that reservation is kept).
 */
public interface ProductService {

    ProductSnapshot getProduct(long productId);

    /**
     * Takes the stock for every line or for none. Runs as a branch of the caller's Seata global
     * transaction when there is one, so a later failure of the caller gives the stock back.
     */
    void reserveStock(ReserveStockCommand command);
}
