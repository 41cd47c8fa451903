package io.shop.order.ordering;

import io.shop.api.payment.PaymentSucceeded;
import io.shop.order.outbox.OrderOutbox;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The order use cases the edges call: reads scoped to the owner, and changes whose events are
 * published once their global transaction has returned (committed).
 */
@Service
class Orders {

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

    /** The only way an order becomes PAID: a payment payment-service took for it. */
    Order paymentSucceeded(PaymentSucceeded payment) {
        return published(lifecycle.paymentSucceeded(payment));
    }

    /** Payment time is up; returns whether this call cancelled the order. */
    boolean expire(String orderNo) {
        return lifecycle.cancelUnpaid(orderNo).map(this::published).isPresent();
    }

    /** An operator ships a paid order (no stock moves, so a local transaction suffices). */
    Order ship(String orderNo) {
        return advance(orderNo, Order::ship);
    }

    Order complete(String orderNo) {
        return advance(orderNo, Order::complete);
    }

    private Order advance(String orderNo, UnaryOperator<Order> move) {
        return transactions.execute(status -> {
            Order order = (OrderNumbers.wellFormed(orderNo) ? orders.findForUpdate(orderNo) : Optional.<Order>empty())
                    .orElseThrow(() -> OrderLifecycle.notFound(orderNo));
            Order moved = move.apply(order);
            orders.transition(order, moved);
            return moved;
        });
    }

    private Order published(OrderChange change) {
        outbox.publish(change.events());
        return change.order();
    }
}
