-- Double-entry ledger: every movement of money is one journal whose entries sum to zero.
-- Accounts: wallet:<userId> (what the shop owes a customer), shop:clearing (money taken for
-- orders), shop:top-ups (where operator and demo top-ups come from).
CREATE TABLE ledger_entry (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    journal      VARCHAR(80)  NOT NULL,
    account      VARCHAR(64)  NOT NULL,
    amount_cents BIGINT       NOT NULL,
    created_at   TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    UNIQUE KEY ux_ledger_journal_account (journal, account),
    KEY ix_ledger_account (account, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- the top-ups of V1, as journals
INSERT INTO ledger_entry (journal, account, amount_cents, created_at)
SELECT CONCAT('top-up:', request_id), CONCAT('wallet:', user_id), amount_cents, created_at FROM wallet_entry;
INSERT INTO ledger_entry (journal, account, amount_cents, created_at)
SELECT CONCAT('top-up:', request_id), 'shop:top-ups', -amount_cents, created_at FROM wallet_entry;

-- One row per payment. paid_order_no is set while the payment holds the order's money, so an
-- order never has two; (user_id, idempotency_key) makes a retried pay request the same payment.
CREATE TABLE payment (
    payment_id      VARCHAR(40)  NOT NULL PRIMARY KEY,
    order_no        VARCHAR(32)  NOT NULL,
    user_id         BIGINT       NOT NULL,
    amount_cents    BIGINT       NOT NULL CHECK (amount_cents > 0),
    method          VARCHAR(16)  NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    idempotency_key VARCHAR(64)  NOT NULL,
    paid_order_no   VARCHAR(32)  NULL,
    created_at      TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at      TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    UNIQUE KEY ux_payment_idempotency (user_id, idempotency_key),
    UNIQUE KEY ux_payment_paid_order (paid_order_no),
    KEY ix_payment_order (order_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
