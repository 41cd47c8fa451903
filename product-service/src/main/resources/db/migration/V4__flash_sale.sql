-- A flash sale's units leave the SKU's stock when the activity is created (one transaction with
-- the row below); title, specs and regular price are the SKU's as they read then.
CREATE TABLE flash_sale (
    id                  BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    sku_id              BIGINT       NOT NULL,
    product_id          BIGINT       NOT NULL,
    title               VARCHAR(200) NOT NULL,
    specs               VARCHAR(300) NOT NULL,
    flash_price_cents   BIGINT       NOT NULL,
    regular_price_cents BIGINT       NOT NULL,
    quantity            INT          NOT NULL,
    per_user_limit      INT          NOT NULL,
    starts_at           TIMESTAMP(3) NOT NULL,
    ends_at             TIMESTAMP(3) NOT NULL,
    created_at          TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    CONSTRAINT fk_flash_sale_sku FOREIGN KEY (sku_id) REFERENCES sku (id),
    KEY ix_flash_sale_window (ends_at, starts_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
