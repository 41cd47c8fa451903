package io.shop.order.sharding;

import java.util.List;

/**
 * An index on {@code (status, created_at)} in every order table, for the sweeper of unpaid
 * orders: it asks each table for its oldest CREATED orders placed before a cut-off, a range scan
 * of a few rows instead of a scan of the whole table.
 */
class V4__Order_status_index extends EveryOrderTable {

    @Override
    List<String> statements() {
        return List.of("ALTER TABLE t_order_%1$d ADD KEY ix_order_status_created_%1$d (status, created_at)");
    }
}
