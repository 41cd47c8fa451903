package io.shop.order.sharding;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * An index on {@code (status, created_at)} in every order table, for the sweeper of unpaid
 * orders: it asks each table for its oldest CREATED orders placed before a cut-off, a range scan
 * of a few rows instead of a scan of the whole table.
 */
class V4__Order_status_index extends BaseJavaMigration {

    @Override
    public Integer getChecksum() {
        return 1;
    }

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement sql = context.getConnection().createStatement()) {
            for (int table = 0; table < OrderShards.TABLES_PER_DATABASE; table++) {
                sql.execute("ALTER TABLE t_order_%1$d ADD KEY ix_order_status_created_%1$d (status, created_at)"
                        .formatted(table));
            }
        }
    }
}
