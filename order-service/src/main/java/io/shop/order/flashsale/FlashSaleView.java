package io.shop.order.flashsale;

import io.shop.api.flashsale.FlashSaleActivity;
import java.time.Instant;

/** An activity as the storefront shows it: {@code remaining} is what Redis has left to sell. */
record FlashSaleView(
        long id,
        long skuId,
        long productId,
        String title,
        String specs,
        long flashPriceCents,
        long regularPriceCents,
        int quantity,
        int perUserLimit,
        Instant startsAt,
        Instant endsAt,
        State state,
        int remaining) {

    enum State {
        UPCOMING,
        ON_SALE,
        SOLD_OUT,
        ENDED
    }

    /** {@code remaining} empty: not in Redis yet, so nothing was sold. */
    static FlashSaleView of(FlashSaleActivity a, java.util.Optional<Integer> remaining, Instant now) {
        int left = remaining.orElse(a.quantity());
        State state = !now.isBefore(a.endsAt())
                ? State.ENDED
                : now.isBefore(a.startsAt()) ? State.UPCOMING : left > 0 ? State.ON_SALE : State.SOLD_OUT;
        return new FlashSaleView(
                a.id(),
                a.skuId(),
                a.productId(),
                a.title(),
                a.specs(),
                a.flashPriceCents(),
                a.regularPriceCents(),
                a.quantity(),
                a.perUserLimit(),
                a.startsAt(),
                a.endsAt(),
                state,
                left);
    }
}
