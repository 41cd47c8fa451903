package io.shop.order.ordering;

import io.shop.api.order.OrderView;
import io.shop.order.switches.OrderSwitches;
import io.shop.support.identity.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in customer's orders. */
@RestController
@RequestMapping("/api/orders")
class OrderController {

    private final Checkout checkout;
    private final Orders orders;

    private final OrderSwitches switches;

    OrderController(Checkout checkout, Orders orders, OrderSwitches switches) {
        this.checkout = checkout;
        this.orders = orders;
        this.switches = switches;
    }

    /** 201 with the new order; 200 with the same order when the Idempotency-Key was seen before. */
    @PostMapping
    ResponseEntity<OrderView> place(
            @CurrentUser long userId,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @Valid @RequestBody PlaceOrderRequest request) {
        switches.requireCheckoutOpen();
        Checkout.Outcome outcome = checkout.place(userId, idempotencyKey, request);
        OrderView view = outcome.order().view();
        return outcome.created()
                ? ResponseEntity.created(URI.create("/api/orders/" + view.orderNo()))
                        .body(view)
                : ResponseEntity.ok(view);
    }

    @GetMapping
    OrderPage history(
            @CurrentUser long userId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(50) int size) {
        return orders.page(userId, page, size);
    }

    @GetMapping("/{orderNo}")
    OrderView order(@CurrentUser long userId, @PathVariable String orderNo) {
        return orders.ofUser(userId, orderNo).view();
    }

    @PostMapping("/{orderNo}/cancel")
    OrderView cancel(@CurrentUser long userId, @PathVariable String orderNo) {
        return orders.cancel(userId, orderNo).view();
    }
}
