package io.shop.order.cart;

/** A SKU in a cart: how many, and its price when it was (last) added. */
public record CartEntry(long skuId, int quantity, long priceWhenAddedCents) {

    static CartEntry parse(String skuId, String stored) {
        int separator = stored.indexOf(':');
        return new CartEntry(
                Long.parseLong(skuId),
                Integer.parseInt(stored.substring(0, separator)),
                Long.parseLong(stored.substring(separator + 1)));
    }
}
