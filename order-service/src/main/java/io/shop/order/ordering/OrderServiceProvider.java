package io.shop.order.ordering;

import io.shop.api.ShopException;
import io.shop.api.order.OrderErrors;
import io.shop.api.order.OrderService;
import io.shop.api.order.OrderView;
import io.shop.api.order.PlaceOrderCommand;
import org.apache.dubbo.config.annotation.DubboService;

@DubboService
class OrderServiceProvider implements OrderService {

    private final PlacingOrder placingOrder;
    private final OrderRepository orders;

    OrderServiceProvider(PlacingOrder placingOrder, OrderRepository orders) {
        this.placingOrder = placingOrder;
        this.orders = orders;
    }

    @Override
    public OrderView placeOrder(PlaceOrderCommand command) {
        return placingOrder.place(command).view();
    }

    @Override
    public OrderView getOrder(long userId, String orderNo) {
        return orders.find(userId, orderNo)
                .map(Order::view)
                .orElseThrow(() -> ShopException.notFound(OrderErrors.ORDER_NOT_FOUND, "no order " + orderNo));
    }
}
