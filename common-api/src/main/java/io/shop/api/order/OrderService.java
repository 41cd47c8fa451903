package io.shop.api.order;

/**
 * Orders as other services see them over Dubbo.
 *
 * <p>Failures: {@code ORDER_NOT_FOUND} (no such order for that user: another user's order is not
 * found either), and the catalog's {@code PRODUCT_NOT_FOUND} / {@code OUT_OF_STOCK} when placing.
 */
public interface OrderService {

    /**
     * Places an order in one global transaction: the order rows and the stock reservation are kept
     * together or not at all.
     */
    OrderView placeOrder(PlaceOrderCommand command);

    OrderView getOrder(long userId, String orderNo);
}
