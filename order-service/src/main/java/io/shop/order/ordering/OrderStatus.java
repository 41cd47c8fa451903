package io.shop.order.ordering;

import java.util.Set;

/** The life of an order: CREATED → PAID → SHIPPED → COMPLETED, or CREATED → CANCELLED. */
enum OrderStatus {
    CREATED,
    PAID,
    SHIPPED,
    COMPLETED,
    CANCELLED;

    boolean canBecome(OrderStatus next) {
        return switch (this) {
            case CREATED -> Set.of(PAID, CANCELLED).contains(next);
            case PAID -> next == SHIPPED;
            case SHIPPED -> next == COMPLETED;
            case COMPLETED, CANCELLED -> false;
        };
    }
}
