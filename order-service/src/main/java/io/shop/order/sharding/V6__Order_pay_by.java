package io.shop.order.sharding;

import java.util.List;

/**
 * Each order keeps the payment deadline it was placed with ({@code pay_by}), so an operator who
 * changes the payment timeout changes it for new orders only; the sweeper of unpaid orders reads it
 * through an index on {@code (status, pay_by)}. Orders placed before this migration get the
 * default timeout of that time, 15 minutes after they were placed.
 */
class V6__Order_pay_by extends EveryOrderTable {

    @Override
    List<String> statements() {
        return List.of(
                "ALTER TABLE t_order_%1$d ADD COLUMN pay_by TIMESTAMP(3) NULL",
                "UPDATE t_order_%1$d SET pay_by = created_at + INTERVAL 15 MINUTE",
                "ALTER TABLE t_order_%1$d MODIFY COLUMN pay_by TIMESTAMP(3) NOT NULL,"
                        + " ADD KEY ix_order_status_pay_by_%1$d (status, pay_by)");
    }
}
