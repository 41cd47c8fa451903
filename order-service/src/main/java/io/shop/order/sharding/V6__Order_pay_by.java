package io.shop.order.sharding;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Each order keeps the payment deadline it was placed with ({@code pay_by}), so an operator who
 * changes the payment timeout changes it for new orders only; the sweeper of unpaid orders reads it
 * through an index on {@code (status, pay_by)}. Orders placed before this migration get the
 * default timeout of that time, 15 minutes after they were placed.
 */
class V6__Order_pay_by extends BaseJavaMigration {

    @Override
    public Integer getChecksum() {
        return 1;
    }

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement sql = context.getConnection().createStatement()) {
            for (int table = 0; table < OrderShards.TABLES_PER_DATABASE; table++) {
                sql.execute("ALTER TABLE t_order_%d ADD COLUMN pay_by TIMESTAMP(3) NULL".formatted(table));
                sql.execute("UPDATE t_order_%d SET pay_by = created_at + INTERVAL 15 MINUTE".formatted(table));
                sql.execute(("ALTER TABLE t_order_%1$d MODIFY COLUMN pay_by TIMESTAMP(3) NOT NULL,"
                                + " ADD KEY ix_order_status_pay_by_%1$d (status, pay_by)")
                        .formatted(table));
            }
        }
    }
}
