package io.shop.order.ordering;

import java.util.Set;

/**
 * The life of an order: CREATED → PAID → SHIPPED → COMPLETED; CREATED → CANCELLED (never paid);
 * PAID → REFUNDED (cancelled before it shipped, the money given back).
 */
enum OrderStatus {
    CREATED,
    PAID,
    SHIPPED,
    COMPLETED,
    CANCELLED,
    REFUNDED;

    boolean canBecome(OrderStatus next) {
        return switch (this) {
            case CREATED -> Set.of(PAID, CANCELLED).contains(next);
            case PAID -> Set.of(SHIPPED, REFUNDED).contains(next);
            case SHIPPED -> next == COMPLETED;
            case COMPLETED, CANCELLED, REFUNDED -> false;
        };
    }
}
