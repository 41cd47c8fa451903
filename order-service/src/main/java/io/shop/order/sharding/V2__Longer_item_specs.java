package io.shop.order.sharding;

import java.util.List;

/**
 * Order lines keep a SKU's specs as long as product-service lets an operator make them: its specs
 * are a JSON object in a VARCHAR(500) (its admin API allows five names of 30 characters with
 * values of 50), and a line stores their values joined by {@code " / "}, which is never longer
 * than that JSON; VARCHAR(200) refused five long specs (262 characters). Titles already fit: a
 * product title is at most 200 characters there too.
 */
class V2__Longer_item_specs extends EveryOrderTable {

    @Override
    List<String> statements() {
        return List.of("ALTER TABLE t_order_item_%1$d MODIFY specs VARCHAR(500) NOT NULL");
    }
}
