package io.shop.order.ordering;

import io.shop.api.order.OrderView;
import io.shop.api.product.SkuSnapshot;

/** One SKU of an order at the price it was ordered for. */
record OrderLine(long skuId, long productId, String title, String specs, long unitPriceCents, int quantity) {

    static OrderLine of(SkuSnapshot sku, int quantity) {
        return new OrderLine(sku.skuId(), sku.productId(), sku.title(), sku.specs(), sku.priceCents(), quantity);
    }

    long subtotalCents() {
        return Math.multiplyExact(unitPriceCents, quantity);
    }

    OrderView.Line view() {
        return new OrderView.Line(skuId, productId, title, specs, unitPriceCents, quantity);
    }
}
