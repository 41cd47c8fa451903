package io.shop.order.sharding;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Version 1 of every order database (Flyway names Java migrations like SQL files): {@value OrderShards#TABLES_PER_DATABASE} copies of each order
 * table, and Seata's {@code undo_log}. Every table of a shard holds the rows of the same users, so
 * {@code (user_id, idempotency_key)} is unique per user. Every primary key is assigned by the
 * service (no AUTO_INCREMENT): Seata AT builds its undo images and global locks from them.
 */
class V1__Order_tables extends BaseJavaMigration {

    @Override
    public Integer getChecksum() {
        return 1;
    }

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement sql = context.getConnection().createStatement()) {
            for (int table = 0; table < OrderShards.TABLES_PER_DATABASE; table++) {
                sql.execute(
                        """
                        CREATE TABLE t_order_%1$d (
                            order_no        VARCHAR(32)  NOT NULL PRIMARY KEY,
                            user_id         BIGINT       NOT NULL,
                            address_id      BIGINT       NOT NULL,
                            status          VARCHAR(16)  NOT NULL,
                            total_cents     BIGINT       NOT NULL CHECK (total_cents >= 0),
                            payment_id      VARCHAR(64),
                            idempotency_key VARCHAR(64)  NOT NULL,
                            request_hash    CHAR(64)     NOT NULL,
                            created_at      TIMESTAMP(3) NOT NULL,
                            updated_at      TIMESTAMP(3) NOT NULL,
                            UNIQUE KEY ux_order_idempotency_%1$d (user_id, idempotency_key),
                            KEY ix_order_user_%1$d (user_id, order_no)
                        ) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4"""
                                .formatted(table));
                sql.execute(
                        """
                        CREATE TABLE t_order_item_%1$d (
                            line_id          VARCHAR(64)  NOT NULL PRIMARY KEY,
                            order_no         VARCHAR(32)  NOT NULL,
                            user_id          BIGINT       NOT NULL,
                            sku_id           BIGINT       NOT NULL,
                            product_id       BIGINT       NOT NULL,
                            title            VARCHAR(200) NOT NULL,
                            specs            VARCHAR(200) NOT NULL,
                            unit_price_cents BIGINT       NOT NULL CHECK (unit_price_cents >= 0),
                            quantity         INT          NOT NULL CHECK (quantity > 0),
                            KEY ix_item_order_%1$d (order_no)
                        ) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4"""
                                .formatted(table));
                sql.execute(
                        """
                        CREATE TABLE t_order_event_%1$d (
                            event_id   CHAR(36)     NOT NULL PRIMARY KEY,
                            order_no   VARCHAR(32)  NOT NULL,
                            user_id    BIGINT       NOT NULL,
                            tag        VARCHAR(32)  NOT NULL,
                            payload    TEXT         NOT NULL,
                            created_at TIMESTAMP(3) NOT NULL,
                            KEY ix_event_created_%1$d (created_at)
                        ) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4"""
                                .formatted(table));
            }
            sql.execute(
                    """
                    CREATE TABLE undo_log (
                        branch_id     BIGINT       NOT NULL,
                        xid           VARCHAR(128) NOT NULL,
                        context       VARCHAR(128) NOT NULL,
                        rollback_info LONGBLOB     NOT NULL,
                        log_status    INT          NOT NULL,
                        log_created   DATETIME(6)  NOT NULL,
                        log_modified  DATETIME(6)  NOT NULL,
                        UNIQUE KEY ux_undo_log (xid, branch_id),
                        KEY ix_log_created (log_created)
                    ) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4""");
        }
    }
}
