package io.shop.order.ordering;

import io.shop.api.order.PlaceOrderCommand;
import io.shop.api.product.ProductSnapshot;
import java.util.List;
import org.apache.seata.spring.annotation.GlobalTransactional;
import org.springframework.stereotype.Service;

/**
 * Places an order: prices come from the catalog, the order rows are written here and the stock is
 * reserved in product-service, all in one Seata global transaction. If the reservation fails, the
 * order rows already written are undone by Seata, and the other way round.
 */
@Service
class PlacingOrder {

    private final CatalogClient catalog;
    private final OrderRepository orders;
    private final OrderNumbers orderNumbers;

    PlacingOrder(CatalogClient catalog, OrderRepository orders, OrderNumbers orderNumbers) {
        this.catalog = catalog;
        this.orders = orders;
        this.orderNumbers = orderNumbers;
    }

    @GlobalTransactional(name = "place-order", timeoutMills = 30_000, rollbackFor = Exception.class)
    public Order place(PlaceOrderCommand command) {
        List<OrderLine> lines = command.lines().stream().map(this::priced).toList();
        Order order = Order.place(orderNumbers.next(command.userId()), command.userId(), lines);
        orders.insert(order);
        catalog.reserveStock(order.orderNo(), order.lines());
        return order;
    }

    private OrderLine priced(PlaceOrderCommand.Line line) {
        ProductSnapshot product = catalog.product(line.productId());
        return new OrderLine(product.id(), product.name(), product.priceCents(), line.quantity());
    }
}
