package io.shop.order.sharding;

import java.util.List;

/**
 * Orders made for a flash-sale ticket name the activity and the ticket; an index on the activity
 * lets reconciliation count an activity's orders in every table. Null for every other order.
 */
class V5__Order_flash_sale extends EveryOrderTable {

    @Override
    List<String> statements() {
        return List.of("ALTER TABLE t_order_%1$d ADD COLUMN flash_sale_id BIGINT NULL,"
                + " ADD COLUMN flash_sale_ticket VARCHAR(36) NULL,"
                + " ADD KEY ix_order_flash_sale_%1$d (flash_sale_id)");
    }
}
