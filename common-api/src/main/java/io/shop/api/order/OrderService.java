package io.shop.api.order;

/**
 * Orders as other services see them over Dubbo.
 *
 * <p>Failures carry an {@link OrderErrors} code: {@code ORDER_NOT_FOUND}. An order becomes paid
 * only through a payment payment-service took ({@code PaymentSucceeded} on its topic), never
 * through a call.
 */
public interface OrderService {

    /** An order of the calling user (the caller the gateway verified); another user's is not found. */
    OrderView getOrder(String orderNo);
}
