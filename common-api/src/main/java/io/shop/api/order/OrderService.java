package io.shop.api.order;

/**
 * Orders as other services see them over Dubbo.
 *
 * <p>Failures carry an {@link OrderErrors} code: {@code ORDER_NOT_FOUND}, {@code
 * ORDER_STATE_CONFLICT}.
 */
public interface OrderService {

    /** An order of the calling user (the caller the gateway verified); another user's is not found. */
    OrderView getOrder(String orderNo);

    /**
     * Records the payment of a created order and makes its stock reservation final, in one global
     * transaction; publishes {@link OrderPaid}. Calling it again with the same payment id changes
     * nothing; a cancelled order (or one paid by another payment) is {@code ORDER_STATE_CONFLICT}.
     */
    OrderView markPaid(String orderNo, String paymentId);
}
