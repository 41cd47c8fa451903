package io.shop.order.ordering;

import io.shop.api.ShopException;
import io.shop.api.order.OrderCancelled;
import io.shop.api.order.OrderErrors;
import io.shop.api.order.OrderPaid;
import io.shop.order.catalog.CatalogClient;
import io.shop.order.outbox.OrderEvent;
import io.shop.order.outbox.OrderOutbox;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.apache.seata.spring.annotation.GlobalTransactional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The moves of a placed order that touch the stock too: cancel (stock released) and pay (stock
 * made final), each one Seata global transaction. The order row is read with {@code FOR UPDATE},
 * which under Seata also waits for any other global transaction on it, so a late payment timeout
 * sees a payment that committed, and the conditional update changes only an order still in the
 * state that was read.
 */
@Service
class OrderLifecycle {

    static final String CUSTOMER = "CUSTOMER";
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

    /** The customer cancels their unpaid order; 404 for another user's, 409 once paid. */
    @GlobalTransactional(name = "cancel-order", timeoutMills = 30_000, rollbackFor = Exception.class)
    public OrderChange cancelByCustomer(long userId, String orderNo) {
        OrderChange change = transactions.execute(status -> {
            Order order = locked(orderNo).filter(o -> o.userId() == userId).orElseThrow(() -> notFound(orderNo));
            return cancelled(order, CUSTOMER);
        });
        catalog.releaseStock(orderNo);
        return change;
    }

    /** The payment time ran out: cancels the order if it is still unpaid, else changes nothing. */
    @GlobalTransactional(name = "payment-timeout", timeoutMills = 30_000, rollbackFor = Exception.class)
    public Optional<OrderChange> cancelUnpaid(String orderNo) {
        Optional<OrderChange> change = transactions.execute(status -> locked(orderNo)
                .filter(order -> order.status() == OrderStatus.CREATED)
                .map(order -> cancelled(order, PAYMENT_TIMEOUT)));
        if (change.isPresent()) {
            catalog.releaseStock(orderNo);
        }
        return change;
    }

    /** Records a payment; the same payment again changes nothing. */
    @GlobalTransactional(name = "mark-paid", timeoutMills = 30_000, rollbackFor = Exception.class)
    public OrderChange markPaid(String orderNo, String paymentId) {
        OrderChange change = transactions.execute(status -> {
            Order order = locked(orderNo).orElseThrow(() -> notFound(orderNo));
            if (order.status() != OrderStatus.CREATED && paymentId.equals(order.paymentId())) {
                return OrderChange.none(order);
            }
            Order paid = order.pay(paymentId);
            return moved(
                    order,
                    paid,
                    eventId -> new OrderPaid(
                            eventId, clock.instant(), orderNo, order.userId(), paymentId, order.totalCents()));
        });
        if (!change.events().isEmpty()) {
            catalog.confirmStock(orderNo);
        }
        return change;
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
