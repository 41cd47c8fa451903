CREATE TABLE wallet (
    user_id       BIGINT       NOT NULL PRIMARY KEY,
    balance_cents BIGINT       NOT NULL CHECK (balance_cents >= 0),
    version       BIGINT       NOT NULL DEFAULT 0,
    updated_at    TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- One row per credited request: the unique request id is what makes a top-up idempotent
CREATE TABLE wallet_entry (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    request_id   VARCHAR(64)  NOT NULL,
    user_id      BIGINT       NOT NULL,
    amount_cents BIGINT       NOT NULL,
    created_at   TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    UNIQUE KEY ux_wallet_entry_request (request_id),
    KEY ix_wallet_entry_user (user_id, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
