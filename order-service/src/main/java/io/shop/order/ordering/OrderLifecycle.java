package io.shop.order.ordering;

import io.shop.api.ShopException;
import io.shop.api.order.OrderCancelled;
import io.shop.api.order.OrderErrors;
import io.shop.api.order.OrderPaid;
import io.shop.api.order.RefundRequested;
import io.shop.api.payment.PaymentSucceeded;
import io.shop.order.catalog.CatalogClient;
import io.shop.order.outbox.OrderEvent;
import io.shop.order.outbox.OrderOutbox;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.seata.spring.annotation.GlobalTransactional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The moves of a placed order that touch the stock too: cancel or refund (stock released) and pay
 * (stock made final), each one Seata global transaction. A flash-sale order's unit is not the
 * SKU's stock but the activity's: product-service is not asked, and a cancelled one goes back to
 * the activity through its OrderCancelled event (flashsale.FlashSaleUnitReturns). The order row is read with {@code FOR UPDATE},
 * which under Seata also waits for any other global transaction on it, so a late payment timeout
 * sees a payment that committed, and the conditional update changes only an order still in the
 * state that was read.
 */
@Service
class OrderLifecycle {

    static final String CUSTOMER = "CUSTOMER";
    static final String OPERATOR = "OPERATOR";
    static final String PAYMENT_TIMEOUT = "PAYMENT_TIMEOUT";

    private final OrderRepository orders;
    private final OrderOutbox outbox;
    private final CatalogClient catalog;
    private final TransactionTemplate transactions;
    private final Clock clock;

    OrderLifecycle(
            OrderRepository orders,
            OrderOutbox outbox,
            CatalogClient catalog,
            TransactionTemplate transactions,
            Clock clock) {
        this.orders = orders;
        this.outbox = outbox;
        this.catalog = catalog;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * The customer cancels their order: unpaid, it is cancelled; paid and not shipped yet, it is
     * refunded (the payment's money goes back through {@link RefundRequested}). Either way its
     * stock comes back. 404 for another user's order, 409 once shipped or already cancelled.
     */
    @GlobalTransactional(name = "cancel-order", timeoutMills = 30_000, rollbackFor = Exception.class)
    public OrderChange cancelByCustomer(long userId, String orderNo) {
        return cancel(orderNo, order -> order.userId() == userId, CUSTOMER);
    }

    /** An operator cancels any customer's order, as the customer could. */
    @GlobalTransactional(name = "cancel-order", timeoutMills = 30_000, rollbackFor = Exception.class)
    public OrderChange cancelByOperator(String orderNo) {
        return cancel(orderNo, order -> true, OPERATOR);
    }

    private OrderChange cancel(String orderNo, Predicate<Order> mayCancel, String reason) {
        OrderChange change = transactions.execute(status -> {
            Order order = locked(orderNo).filter(mayCancel).orElseThrow(() -> notFound(orderNo));
            return order.status() == OrderStatus.PAID ? refunded(order) : cancelled(order, reason);
        });
        if (change.order().fromFlashSale()) {
            return change;
        }
        if (change.order().status() == OrderStatus.REFUNDED) {
            catalog.returnStock(orderNo);
        } else {
            catalog.releaseStock(orderNo);
        }
        return change;
    }

    /** The payment time ran out: cancels the order if it is still unpaid, else changes nothing. */
    @GlobalTransactional(name = "payment-timeout", timeoutMills = 30_000, rollbackFor = Exception.class)
    public Optional<OrderChange> cancelUnpaid(String orderNo) {
        Optional<OrderChange> change = transactions.execute(status -> locked(orderNo)
                .filter(order -> order.status() == OrderStatus.CREATED)
                .map(order -> cancelled(order, PAYMENT_TIMEOUT)));
        if (change.isPresent() && !change.get().order().fromFlashSale()) {
            catalog.releaseStock(orderNo);
        }
        return change;
    }

    /**
     * A payment succeeded: the order becomes PAID and its stock final. The same payment again
     * changes nothing. A payment the order cannot take (it was cancelled meanwhile, it is paid by
     * another payment, or the amount or payer is not the order's) is given back: the change is a
     * {@link RefundRequested} and the order stays as it is.
     */
    @GlobalTransactional(name = "mark-paid", timeoutMills = 30_000, rollbackFor = Exception.class)
    public OrderChange paymentSucceeded(PaymentSucceeded payment) {
        OrderChange change = transactions.execute(status -> {
            Order order = locked(payment.orderNo()).orElseThrow(() -> notFound(payment.orderNo()));
            if (payment.paymentId().equals(order.paymentId())) {
                return OrderChange.none(order);
            }
            if (order.status() != OrderStatus.CREATED
                    || order.userId() != payment.userId()
                    || order.totalCents() != payment.amountCents()) {
                return refundRequested(order, payment.paymentId(), RefundRequested.ORDER_CANCELLED);
            }
            return moved(
                    order,
                    order.pay(payment.paymentId()),
                    eventId -> new OrderPaid(
                            eventId,
                            clock.instant(),
                            order.orderNo(),
                            order.userId(),
                            payment.paymentId(),
                            order.totalCents()));
        });
        if (payment.paymentId().equals(change.order().paymentId())
                && !change.events().isEmpty()
                && !change.order().fromFlashSale()) {
            catalog.confirmStock(payment.orderNo());
        }
        return change;
    }

    private OrderChange refunded(Order order) {
        Order refunded = order.refund();
        if (!orders.transition(order, refunded)) {
            throw ShopException.conflict(OrderErrors.ORDER_STATE_CONFLICT, "order " + order.orderNo() + " changed");
        }
        return refundRequested(refunded, order.paymentId(), RefundRequested.ORDER_REFUNDED);
    }

    private OrderChange refundRequested(Order order, String paymentId, String reason) {
        String eventId = UUID.randomUUID().toString();
        RefundRequested refund =
                new RefundRequested(eventId, clock.instant(), order.orderNo(), order.userId(), paymentId, reason);
        return new OrderChange(order, List.of(outbox.add(eventId, order.orderNo(), order.userId(), refund)));
    }

    private OrderChange cancelled(Order order, String reason) {
        return moved(
                order,
                order.cancel(),
                eventId -> new OrderCancelled(eventId, clock.instant(), order.orderNo(), order.userId(), reason));
    }

    private OrderChange moved(Order from, Order to, Function<String, Object> event) {
        if (!orders.transition(from, to)) {
            throw ShopException.conflict(OrderErrors.ORDER_STATE_CONFLICT, "order " + from.orderNo() + " changed");
        }
        String eventId = UUID.randomUUID().toString();
        List<OrderEvent> events = List.of(outbox.add(eventId, to.orderNo(), to.userId(), event.apply(eventId)));
        return new OrderChange(to, events);
    }

    private Optional<Order> locked(String orderNo) {
        return OrderNumbers.wellFormed(orderNo) ? orders.findForUpdate(orderNo) : Optional.empty();
    }

    static ShopException notFound(String orderNo) {
        return ShopException.notFound(OrderErrors.ORDER_NOT_FOUND, "no order " + orderNo);
    }
}
