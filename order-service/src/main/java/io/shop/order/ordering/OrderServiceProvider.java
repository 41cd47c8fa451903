package io.shop.order.ordering;

import io.shop.api.ShopException;
import io.shop.api.auth.AuthErrors;
import io.shop.api.order.OrderErrors;
import io.shop.api.order.OrderPaymentState;
import io.shop.api.order.OrderService;
import io.shop.api.order.OrderView;
import io.shop.support.identity.Caller;
import java.time.Instant;
import java.util.List;
import org.apache.dubbo.config.annotation.DubboService;

@DubboService
class OrderServiceProvider implements OrderService {

    private final Orders orders;
    private final OrderRepository repository;

    OrderServiceProvider(Orders orders, OrderRepository repository) {
        this.orders = orders;
        this.repository = repository;
    }

    @Override
    public OrderView getOrder(String orderNo) {
        long userId = Caller.current()
                .map(Caller::userId)
                .orElseThrow(() ->
                        new ShopException(ShopException.Kind.UNAUTHENTICATED, AuthErrors.UNAUTHENTICATED, "no caller"));
        return orders.ofUser(userId, orderNo).view();
    }

    @Override
    public List<OrderPaymentState> paymentStatesOf(List<String> orderNos) {
        if (orderNos == null
                || orderNos.size() > MAX_RECONCILED
                || orderNos.stream().anyMatch(no -> no == null)) {
            throw ShopException.invalid(
                    OrderErrors.INVALID_ORDER_NUMBERS, "orderNos: 0 to " + MAX_RECONCILED + " order numbers");
        }
        return repository.paymentStatesOf(List.copyOf(orderNos));
    }

    @Override
    public List<OrderPaymentState> paidOrdersPlacedBetween(Instant from, Instant to) {
        if (from == null || to == null || !from.isBefore(to)) {
            throw ShopException.invalid(OrderErrors.INVALID_PERIOD, "from must be before to");
        }
        return repository.paidPlacedBetween(from, to, MAX_RECONCILED);
    }
}
