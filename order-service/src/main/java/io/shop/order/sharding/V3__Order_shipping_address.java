package io.shop.order.sharding;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Every order keeps the address it was placed to ({@code shipping_address}: user-service's
 * snapshot as JSON), so editing or deleting the address in the address book changes nothing for
 * it. Nullable: orders placed before this version have only their {@code address_id}, and what
 * the address said at the time is not known any more; an instance of the previous version also
 * keeps inserting without it while a deployment rolls.
 */
class V3__Order_shipping_address extends BaseJavaMigration {

    @Override
    public Integer getChecksum() {
        return 1;
    }

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement sql = context.getConnection().createStatement()) {
            for (int table = 0; table < OrderShards.TABLES_PER_DATABASE; table++) {
                sql.execute("ALTER TABLE t_order_%d ADD COLUMN shipping_address TEXT NULL AFTER address_id"
                        .formatted(table));
            }
        }
    }
}
