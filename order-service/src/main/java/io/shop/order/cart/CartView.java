package io.shop.order.cart;

import java.util.List;

/**
 * The cart with today's prices. An item flags what changed since it was added: its price, whether
 * it can still be bought at all, and whether there is enough stock for the quantity.
 */
record CartView(List<Item> items, long totalCents) {

    record Item(
            long skuId,
            Long productId,
            String title,
            String specs,
            int quantity,
            Long unitPriceCents,
            long priceWhenAddedCents,
            boolean priceChanged,
            boolean available,
            boolean enoughStock) {}
}
