package io.shop.order.cart;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.shop.order.InProcessOrderService;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cart in Redis, priced by the running product-service. */
class CartIT extends InProcessOrderService {

    @Test
    void addingTheSameSkuAgainAddsUpAndTheCartShowsTodaysPrices() {
        long tea = products.sku("Cart tea", 850, 10);
        long user = newUser();

        api.post("/api/cart/items", user, Map.of("skuId", tea, "quantity", 2));
        String cart = api.post("/api/cart/items", user, Map.of("skuId", tea, "quantity", 3))
                .getBody();

        assertThat((Integer) JsonPath.read(cart, "$.items[0].quantity")).isEqualTo(5);
        assertThat((Integer) JsonPath.read(cart, "$.totalCents")).isEqualTo(5 * 850);
        assertThat((Boolean) JsonPath.read(cart, "$.items[0].priceChanged")).isFalse();
    }

    @Test
    void aPriceChangeAndALackOfStockAndAnOffShelfSkuAreFlagged() {
        long tea = products.sku("Cart tea", 850, 10);
        long cup = products.sku("Cart cup", 1200, 10);
        long pot = products.sku("Cart pot", 3000, 10);
        long user = newUser();
        api.post("/api/cart/items", user, Map.of("skuId", tea, "quantity", 1));
        api.post("/api/cart/items", user, Map.of("skuId", cup, "quantity", 1));
        api.post("/api/cart/items", user, Map.of("skuId", pot, "quantity", 1));

        products.setPrice(tea, 990);
        api.put("/api/cart/items/" + cup, user, Map.of("quantity", 11));
        products.takeOffShelf(pot);
        String cart = api.get("/api/cart", user).getBody();

        assertThat((List<Boolean>) JsonPath.read(cart, "$.items[?(@.skuId == " + tea + ")].priceChanged"))
                .containsExactly(true);
        assertThat((List<Integer>) JsonPath.read(cart, "$.items[?(@.skuId == " + tea + ")].unitPriceCents"))
                .containsExactly(990);
        assertThat((List<Boolean>) JsonPath.read(cart, "$.items[?(@.skuId == " + cup + ")].enoughStock"))
                .containsExactly(false);
        assertThat((List<Boolean>) JsonPath.read(cart, "$.items[?(@.skuId == " + pot + ")].available"))
                .containsExactly(false);
        assertThat((Integer) JsonPath.read(cart, "$.totalCents")).isEqualTo(990 + 11 * 1200);
    }

    @Test
    void aGuestCartMergesIntoTheUsersCartWithinTheLimit() {
        long tea = products.sku("Cart tea", 850, 200);
        long cup = products.sku("Cart cup", 1200, 10);
        long user = newUser();
        api.post("/api/cart/items", user, Map.of("skuId", tea, "quantity", 90));

        String cart = api.post(
                        "/api/cart/merge",
                        user,
                        Map.of(
                                "items",
                                List.of(
                                        Map.of("skuId", tea, "quantity", 20),
                                        Map.of("skuId", cup, "quantity", 1),
                                        Map.of("skuId", Long.MAX_VALUE, "quantity", 1))))
                .getBody();

        assertThat((List<Integer>) JsonPath.read(cart, "$.items[?(@.skuId == " + tea + ")].quantity"))
                .containsExactly(99);
        assertThat((List<Integer>) JsonPath.read(cart, "$.items[*].skuId")).hasSize(2);
    }

    @Test
    void removingAnItemLeavesTheOthers() {
        long tea = products.sku("Cart tea", 850, 10);
        long cup = products.sku("Cart cup", 1200, 10);
        long user = newUser();
        api.post("/api/cart/items", user, Map.of("skuId", tea, "quantity", 1));
        api.post("/api/cart/items", user, Map.of("skuId", cup, "quantity", 1));

        assertThat(api.delete("/api/cart/items/" + tea, user).getStatusCode().value())
                .isEqualTo(204);

        List<Number> left = JsonPath.read(api.get("/api/cart", user).getBody(), "$.items[*].skuId");
        assertThat(left).extracting(Number::longValue).containsExactly(cup);
    }

    @Test
    void badCartRequestsNameTheFieldOrTheCode() {
        long tea = products.sku("Cart tea", 850, 10);
        long user = newUser();

        var zero = api.post("/api/cart/items", user, Map.of("skuId", tea, "quantity", 0));
        var unknown = api.post("/api/cart/items", user, Map.of("skuId", Long.MAX_VALUE, "quantity", 1));
        var notInCart = api.put("/api/cart/items/" + tea, user, Map.of("quantity", 2));

        assertThat(zero.getStatusCode().value()).isEqualTo(400);
        assertThat((List<String>) JsonPath.read(zero.getBody(), "$.errors[*].field"))
                .containsExactly("quantity");
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat((String) JsonPath.read(unknown.getBody(), "$.code")).isEqualTo("SKU_NOT_FOUND");
        assertThat(notInCart.getStatusCode().value()).isEqualTo(404);
        assertThat((String) JsonPath.read(notInCart.getBody(), "$.code")).isEqualTo("CART_ITEM_NOT_FOUND");
    }
}
