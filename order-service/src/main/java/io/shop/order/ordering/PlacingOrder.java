package io.shop.order.ordering;

import io.shop.api.order.OrderCreated;
import io.shop.api.product.ReserveStockCommand.StockLine;
import io.shop.order.catalog.CatalogClient;
import io.shop.order.outbox.OrderEvent;
import io.shop.order.outbox.OrderOutbox;
import io.shop.support.LiveSettings;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.seata.spring.annotation.GlobalTransactional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Places a priced order in one Seata global transaction: the order rows and its OrderCreated event
 * go into the user's shard as one local branch, then product-service reserves the stock as a second
 * branch. Rows first, reservation last: the hot SKU rows stay globally locked for the shortest time.
 * Any failure (out of stock, product-service down, a duplicate idempotency key) undoes both.
 */
@Service
class PlacingOrder {

    private final OrderRepository orders;
    private final OrderOutbox outbox;
    private final CatalogClient catalog;
    private final TransactionTemplate transactions;
    private final LiveSettings<PaymentTimeoutSettings.Window> paymentWindow;

    PlacingOrder(
            OrderRepository orders,
            OrderOutbox outbox,
            CatalogClient catalog,
            TransactionTemplate transactions,
            LiveSettings<PaymentTimeoutSettings.Window> paymentWindow) {
        this.orders = orders;
        this.outbox = outbox;
        this.catalog = catalog;
        this.transactions = transactions;
        this.paymentWindow = paymentWindow;
    }

    @GlobalTransactional(name = "place-order", timeoutMills = 30_000, rollbackFor = Exception.class)
    public Placed place(Order order, String idempotencyKey, String requestHash) {
        List<OrderEvent> events = insert(order, idempotencyKey, requestHash);
        catalog.reserveStock(
                order.orderNo(),
                order.lines().stream()
                        .map(line -> new StockLine(line.skuId(), line.quantity()))
                        .toList());
        return new Placed(order, events);
    }

    /**
     * Places an order whose units are already taken (a flash sale's, out of the activity): the rows
     * and the event in one local transaction of the user's shard, nothing reserved.
     */
    public Placed placeTaken(Order order, String idempotencyKey, String requestHash) {
        return new Placed(order, insert(order, idempotencyKey, requestHash));
    }

    private List<OrderEvent> insert(Order order, String idempotencyKey, String requestHash) {
        String eventId = UUID.randomUUID().toString();
        Instant payBy = order.createdAt().plus(paymentWindow.get().timeout());
        return transactions.execute(status -> {
            orders.insert(order, idempotencyKey, requestHash, payBy);
            return List.of(outbox.add(
                    eventId,
                    order.orderNo(),
                    order.userId(),
                    new OrderCreated(
                            eventId, order.createdAt(), order.orderNo(), order.userId(), order.totalCents(), payBy)));
        });
    }

    record Placed(Order order, List<OrderEvent> events) {}
}
