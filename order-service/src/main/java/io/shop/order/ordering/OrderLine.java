package io.shop.order.ordering;

import io.shop.api.order.OrderView;

record OrderLine(long productId, String productName, long unitPriceCents, int quantity) {

    long subtotalCents() {
        return Math.multiplyExact(unitPriceCents, quantity);
    }

    OrderView.Line view() {
        return new OrderView.Line(productId, productName, unitPriceCents, quantity);
    }
}
