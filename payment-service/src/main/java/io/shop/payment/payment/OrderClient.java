package io.shop.payment.payment;

import io.shop.api.order.OrderService;
import io.shop.api.order.OrderView;
import org.apache.dubbo.config.annotation.DubboReference;
import org.springframework.stereotype.Component;

/** order-service as payments need it: the order the caller wants to pay, with its total. */
@Component
class OrderClient {

    @DubboReference
    private OrderService orders;

    /** The calling user's order (the caller travels with the call); another user's is not found. */
    OrderView callersOrder(String orderNo) {
        return orders.getOrder(orderNo);
    }
}
