package io.shop.order.ordering;

import io.shop.api.order.OrderView;
import io.shop.support.identity.Caller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What operators do with orders; the gateway requires the admin role and so does this class. */
@RestController
@RequestMapping("/api/admin/orders")
class AdminOrderController {

    private final Orders orders;

    AdminOrderController(Orders orders) {
        this.orders = orders;
    }

    @PostMapping("/{orderNo}/ship")
    OrderView ship(@PathVariable String orderNo) {
        Caller.requireAdmin();
        return orders.ship(orderNo).view();
    }

    /** Cancels an unpaid order, or refunds a paid one that has not shipped, like the customer's own cancel. */
    @PostMapping("/{orderNo}/cancel")
    OrderView cancel(@PathVariable String orderNo) {
        Caller.requireAdmin();
        return orders.cancelByOperator(orderNo).view();
    }

    @PostMapping("/{orderNo}/complete")
    OrderView complete(@PathVariable String orderNo) {
        Caller.requireAdmin();
        return orders.complete(orderNo).view();
    }
}
