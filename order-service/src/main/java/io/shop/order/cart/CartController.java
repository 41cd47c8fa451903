package io.shop.order.cart;

import io.shop.api.order.OrderErrors;
import io.shop.support.identity.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in customer's cart; every change answers the cart as it is now. */
@RestController
@RequestMapping("/api/cart")
class CartController {

    private final Carts carts;

    CartController(Carts carts) {
        this.carts = carts;
    }

    @GetMapping
    CartView cart(@CurrentUser long userId) {
        return carts.view(userId);
    }

    @PostMapping("/items")
    CartView add(@CurrentUser long userId, @Valid @RequestBody CartItemRequest item) {
        carts.add(userId, item.skuId(), item.quantity());
        return carts.view(userId);
    }

    @PutMapping("/items/{skuId}")
    CartView setQuantity(@CurrentUser long userId, @PathVariable long skuId, @Valid @RequestBody Quantity body) {
        carts.setQuantity(userId, skuId, body.quantity());
        return carts.view(userId);
    }

    @DeleteMapping("/items/{skuId}")
    ResponseEntity<Void> remove(@CurrentUser long userId, @PathVariable long skuId) {
        carts.remove(userId, skuId);
        return ResponseEntity.noContent().build();
    }

    /** Merges a cart kept while signed out into the customer's cart (quantities add up). */
    @PostMapping("/merge")
    CartView merge(@CurrentUser long userId, @Valid @RequestBody Merge body) {
        carts.merge(userId, body.items());
        return carts.view(userId);
    }

    record Quantity(@NotNull @Min(1) @Max(OrderErrors.MAX_QUANTITY_PER_LINE) Integer quantity) {}

    record Merge(@NotNull @Size(max = OrderErrors.MAX_LINES) List<@Valid @NotNull CartItemRequest> items) {}
}
