-- The flat product table of V1 becomes categories, brands, products (SPU) and their SKUs.
DROP TABLE product;

CREATE TABLE category (
    id        BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    parent_id BIGINT       NULL,
    name      VARCHAR(100) NOT NULL,
    CONSTRAINT fk_category_parent FOREIGN KEY (parent_id) REFERENCES category (id),
    UNIQUE KEY ux_category_name (parent_id, name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE brand (
    id   BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    UNIQUE KEY ux_brand_name (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- version grows with every change; events and caches use it to tell newer from older
CREATE TABLE product (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    category_id     BIGINT       NOT NULL,
    brand_id        BIGINT       NOT NULL,
    title           VARCHAR(200) NOT NULL,
    subtitle        VARCHAR(300) NOT NULL DEFAULT '',
    description     TEXT         NULL,
    on_shelf        BOOLEAN      NOT NULL,
    min_price_cents BIGINT       NOT NULL,
    version         BIGINT       NOT NULL DEFAULT 1,
    created_at      TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at      TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    CONSTRAINT fk_product_category FOREIGN KEY (category_id) REFERENCES category (id),
    CONSTRAINT fk_product_brand FOREIGN KEY (brand_id) REFERENCES brand (id),
    KEY ix_product_listing (category_id, on_shelf, id),
    KEY ix_product_brand (brand_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- specs: what sets a SKU apart from its siblings, as a JSON object, e.g. {"colour":"Red","size":"M"}
CREATE TABLE sku (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    product_id  BIGINT       NOT NULL,
    specs       VARCHAR(500) NOT NULL,
    price_cents BIGINT       NOT NULL CHECK (price_cents >= 0),
    stock       INT          NOT NULL CHECK (stock >= 0),
    updated_at  TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    CONSTRAINT fk_sku_product FOREIGN KEY (product_id) REFERENCES product (id),
    KEY ix_sku_product (product_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- what each order took, so a release gives back exactly that, once
CREATE TABLE stock_reservation (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    order_no   VARCHAR(40)  NOT NULL,
    sku_id     BIGINT       NOT NULL,
    quantity   INT          NOT NULL CHECK (quantity > 0),
    status     VARCHAR(16)  NOT NULL,
    created_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    UNIQUE KEY ux_reservation (order_no, sku_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- messages committed with the change they announce; see io.shop.support.outbox.Outbox
CREATE TABLE outbox (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    topic       VARCHAR(100) NOT NULL,
    message_key VARCHAR(100) NOT NULL,
    payload     LONGTEXT     NOT NULL,
    created_at  TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
