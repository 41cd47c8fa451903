package io.shop.order.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shop.api.ShopException;
import io.shop.api.user.ShippingAddressSnapshot;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderTest {

    static Order created() {
        return Order.place(
                "1764115200000123456707",
                7,
                new ShippingAddressSnapshot(
                        3, "Ada", "+8613800138000", "Zhejiang", "Hangzhou", null, "1 Lake Rd", null),
                List.of(new OrderLine(1, 10, "Tea", "Green", 850, 2), new OrderLine(2, 11, "Cup", "White", 1299, 1)),
                Instant.parse("2026-11-26T00:00:00Z"));
    }

    @Test
    void theTotalIsTheSumOfTheLines() {
        assertThat(created().totalCents()).isEqualTo(2 * 850 + 1299);
    }

    @Test
    void anOrderGoesFromCreatedThroughPaidAndShippedToCompleted() {
        Order completed = created().pay("p-1").ship().complete();

        assertThat(completed.status()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(completed.paymentId()).isEqualTo("p-1");
    }

    @Test
    void everyMoveKeepsTheAddressTheOrderWasPlacedTo() {
        Order placed = created();

        assertThat(List.of(placed.pay("p-1").ship().complete(), placed.cancel()))
                .allSatisfy(moved -> {
                    assertThat(moved.addressId()).isEqualTo(3);
                    assertThat(moved.shippingAddress()).isEqualTo(placed.shippingAddress());
                });
        assertThat(placed.view().shippingAddress()).isEqualTo(placed.shippingAddress());
    }

    @Test
    void onlyAnUnpaidOrderCanBeCancelled() {
        assertThat(created().cancel().status()).isEqualTo(OrderStatus.CANCELLED);
        assertConflict(() -> created().pay("p-1").cancel());
    }

    @Test
    void illegalMovesAreConflicts() {
        assertConflict(() -> created().ship());
        assertConflict(() -> created().complete());
        assertConflict(() -> created().cancel().pay("p-1"));
        assertConflict(() -> created().pay("p-1").pay("p-2"));
        assertConflict(() -> created().pay("p-1").ship().complete().cancel());
    }

    private static void assertConflict(Runnable move) {
        assertThatThrownBy(move::run).isInstanceOfSatisfying(ShopException.class, e -> assertThat(e.code())
                .isEqualTo("ORDER_STATE_CONFLICT"));
    }
}
