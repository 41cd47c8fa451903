CREATE TABLE t_order (
    order_no    VARCHAR(32)  NOT NULL PRIMARY KEY,
    user_id     BIGINT       NOT NULL,
    status      VARCHAR(16)  NOT NULL,
    total_cents BIGINT       NOT NULL CHECK (total_cents >= 0),
    created_at  TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    KEY ix_order_user (user_id, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE t_order_item (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    order_no         VARCHAR(32)  NOT NULL,
    product_id       BIGINT       NOT NULL,
    product_name     VARCHAR(200) NOT NULL,
    unit_price_cents BIGINT       NOT NULL,
    quantity         INT          NOT NULL CHECK (quantity > 0),
    KEY ix_item_order (order_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Seata AT keeps the before/after images of its branches here
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
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
