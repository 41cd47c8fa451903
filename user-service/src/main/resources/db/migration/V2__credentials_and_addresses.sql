-- Accounts sign in with an email or a phone number and a BCrypt password; roles are a comma list
-- of io.shop.api.auth.Roles names. Rows from V1 have no password and cannot sign in until one is set.
ALTER TABLE app_user
    MODIFY email VARCHAR(254) NULL,
    ADD COLUMN phone         VARCHAR(16)  NULL AFTER email,
    ADD COLUMN password_hash VARCHAR(100) NULL,
    ADD COLUMN roles         VARCHAR(200) NOT NULL DEFAULT 'customer',
    ADD COLUMN enabled       BOOLEAN      NOT NULL DEFAULT TRUE,
    ADD COLUMN updated_at    TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    ADD UNIQUE KEY ux_app_user_phone (phone),
    ADD CONSTRAINT ck_app_user_contact CHECK (email IS NOT NULL OR phone IS NOT NULL);

CREATE TABLE address (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    user_id       BIGINT       NOT NULL,
    recipient     VARCHAR(64)  NOT NULL,
    phone         VARCHAR(16)  NOT NULL,
    province      VARCHAR(64)  NOT NULL,
    city          VARCHAR(64)  NOT NULL,
    district      VARCHAR(64)  NULL,
    line1         VARCHAR(200) NOT NULL,
    postcode      VARCHAR(16)  NULL,
    is_default    BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at    TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at    TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    -- the owner's id on the default address only, so the database itself allows one default per user
    default_owner BIGINT AS (CASE WHEN is_default THEN user_id END) PERSISTENT,
    KEY ix_address_user (user_id),
    UNIQUE KEY ux_address_default (default_owner),
    CONSTRAINT fk_address_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
