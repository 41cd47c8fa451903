package io.shop.api.order;

import io.shop.api.CallableBy;
import java.time.Instant;
import java.util.List;

/**
 * Orders as other services see them over Dubbo.
 *
 * <p>Failures carry an {@link OrderErrors} code: {@code ORDER_NOT_FOUND}. An order becomes paid
 * only through a payment payment-service took ({@code PaymentSucceeded} on its topic), never
 * through a call.
 */
public interface OrderService {

    /** An order of the calling user (the caller the gateway verified); another user's is not found. */
    @CallableBy({"payment-service"})
    OrderView getOrder(String orderNo);

    /**
     * For payment reconciliation (payment-service only): the payment state of these orders (at most
     * {@value #MAX_RECONCILED} numbers; unknown ones are left out).
     */
    @CallableBy({"payment-service"})
    List<OrderPaymentState> paymentStatesOf(List<String> orderNos);

    /**
     * For payment reconciliation (payment-service only): the orders placed in {@code [from, to)}
     * that were paid (PAID, SHIPPED, COMPLETED or REFUNDED), at most {@value #MAX_RECONCILED}, oldest first.
     */
    @CallableBy({"payment-service"})
    List<OrderPaymentState> paidOrdersPlacedBetween(Instant from, Instant to);

    int MAX_RECONCILED = 1000;
}
