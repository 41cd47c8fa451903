package io.shop.order.ordering;

import io.shop.api.ShopException;
import io.shop.api.auth.AuthErrors;
import io.shop.api.order.OrderService;
import io.shop.api.order.OrderView;
import io.shop.support.identity.Caller;
import org.apache.dubbo.config.annotation.DubboService;

@DubboService
class OrderServiceProvider implements OrderService {

    private final Orders orders;

    OrderServiceProvider(Orders orders) {
        this.orders = orders;
    }

    @Override
    public OrderView getOrder(String orderNo) {
        long userId = Caller.current()
                .map(Caller::userId)
                .orElseThrow(() ->
                        new ShopException(ShopException.Kind.UNAUTHENTICATED, AuthErrors.UNAUTHENTICATED, "no caller"));
        return orders.ofUser(userId, orderNo).view();
    }
}
