package io.shop.order.sharding;

import java.util.List;

/**
 * Every order keeps the address it was placed to ({@code shipping_address}: user-service's
 * snapshot as JSON), so editing or deleting the address in the address book changes nothing for
 * it. Nullable: orders placed before this version have only their {@code address_id}, and what
 * the address said at the time is not known any more; an instance of the previous version also
 * keeps inserting without it while a deployment rolls.
 */
class V3__Order_shipping_address extends EveryOrderTable {

    @Override
    List<String> statements() {
        return List.of("ALTER TABLE t_order_%1$d ADD COLUMN shipping_address TEXT NULL AFTER address_id");
    }
}
