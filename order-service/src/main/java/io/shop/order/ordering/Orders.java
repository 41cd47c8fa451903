package io.shop.order.ordering;

import io.shop.api.ShopException;
import io.shop.api.order.OrderErrors;
import io.shop.api.payment.PaymentSucceeded;
import io.shop.order.outbox.OrderOutbox;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.seata.rm.datasource.exec.LockConflictException;
import org.apache.seata.rm.datasource.exec.LockWaitTimeoutException;
import org.apache.seata.spring.annotation.GlobalLock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The order use cases the edges call: reads scoped to the owner, and changes whose events are
 * published once their global transaction has returned (committed).
 */
@Service
class Orders {

    /** How long an operator's move waits for a global transaction on the order: 2 s. */
    private static final int LOCK_RETRY_INTERVAL_MS = 100;

    private static final int LOCK_RETRIES = 20;

    private final OrderRepository orders;
    private final OrderLifecycle lifecycle;
    private final OrderOutbox outbox;
    private final TransactionTemplate transactions;

    Orders(OrderRepository orders, OrderLifecycle lifecycle, OrderOutbox outbox, TransactionTemplate transactions) {
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.outbox = outbox;
        this.transactions = transactions;
    }

    Order ofUser(long userId, String orderNo) {
        return (OrderNumbers.wellFormed(orderNo) ? orders.findOfUser(userId, orderNo) : Optional.<Order>empty())
                .orElseThrow(() -> OrderLifecycle.notFound(orderNo));
    }

    OrderPage page(long userId, int page, int size) {
        return new OrderPage(
                orders.page(userId, page, size).stream().map(Order::view).toList(), page, size, orders.count(userId));
    }

    Order cancel(long userId, String orderNo) {
        return published(lifecycle.cancelByCustomer(userId, orderNo));
    }

    Order cancelByOperator(String orderNo) {
        return published(lifecycle.cancelByOperator(orderNo));
    }

    /** The only way an order becomes PAID: a payment payment-service took for it. */
    Order paymentSucceeded(PaymentSucceeded payment) {
        return published(lifecycle.paymentSucceeded(payment));
    }

    /** Payment time is up; returns whether this call cancelled the order. */
    boolean expire(String orderNo) {
        return lifecycle.cancelUnpaid(orderNo).map(this::published).isPresent();
    }

    /** An operator ships a paid order (no stock moves, so a local transaction suffices; see advance). */
    @GlobalLock(lockRetryInterval = LOCK_RETRY_INTERVAL_MS, lockRetryTimes = LOCK_RETRIES)
    public Order ship(String orderNo) {
        return advance(orderNo, Order::ship);
    }

    @GlobalLock(lockRetryInterval = LOCK_RETRY_INTERVAL_MS, lockRetryTimes = LOCK_RETRIES)
    public Order complete(String orderNo) {
        return advance(orderNo, Order::complete);
    }

    /**
     * A move of the order row alone, in a local transaction. Global transactions write that row too
     * (payment, cancellation), and Seata could not roll one of them back over a change made in
     * between; under {@code @GlobalLock} the {@code SELECT ... FOR UPDATE} also asks Seata for the
     * row's global lock, waits while a global transaction holds it, and gives up as ORDER_LOCKED.
     */
    private Order advance(String orderNo, UnaryOperator<Order> move) {
        try {
            return transactions.execute(status -> {
                Order order = (OrderNumbers.wellFormed(orderNo)
                                ? orders.findForUpdate(orderNo)
                                : Optional.<Order>empty())
                        .orElseThrow(() -> OrderLifecycle.notFound(orderNo));
                Order moved = move.apply(order);
                orders.transition(order, moved);
                return moved;
            });
        } catch (RuntimeException e) {
            if (heldByAGlobalTransaction(e)) {
                throw ShopException.conflict(
                        OrderErrors.ORDER_LOCKED,
                        "order " + orderNo + " is being changed by another transaction; try again shortly");
            }
            throw e;
        }
    }

    private static boolean heldByAGlobalTransaction(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof LockWaitTimeoutException || cause instanceof LockConflictException) {
                return true;
            }
        }
        return false;
    }

    private Order published(OrderChange change) {
        outbox.publish(change.events());
        return change.order();
    }
}
