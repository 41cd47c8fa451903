package io.shop.order.sharding;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Orders made for a flash-sale ticket name the activity and the ticket; an index on the activity
 * lets reconciliation count an activity's orders in every table. Null for every other order.
 */
class V5__Order_flash_sale extends BaseJavaMigration {

    @Override
    public Integer getChecksum() {
        return 1;
    }

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement sql = context.getConnection().createStatement()) {
            for (int table = 0; table < OrderShards.TABLES_PER_DATABASE; table++) {
                sql.execute(("ALTER TABLE t_order_%1$d ADD COLUMN flash_sale_id BIGINT NULL,"
                                + " ADD COLUMN flash_sale_ticket VARCHAR(36) NULL,"
                                + " ADD KEY ix_order_flash_sale_%1$d (flash_sale_id)")
                        .formatted(table));
            }
        }
    }
}
