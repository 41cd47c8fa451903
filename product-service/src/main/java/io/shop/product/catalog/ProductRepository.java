package io.shop.product.catalog;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ProductRepository {

    private final JdbcClient jdbc;

    ProductRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Product> findById(long id) {
        return jdbc.sql("SELECT id, name, description, price_cents, stock, on_shelf FROM product WHERE id = ?")
                .param(id)
                .query(Product.class)
                .optional();
    }

    boolean exists(long id) {
        return jdbc.sql("SELECT COUNT(*) FROM product WHERE id = ?")
                        .param(id)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** Takes stock only if enough is left; false when it was not. Never goes below zero. */
    boolean takeStock(long id, int quantity) {
        return jdbc.sql("UPDATE product SET stock = stock - ? WHERE id = ? AND stock >= ?")
                        .params(quantity, id, quantity)
                        .update()
                == 1;
    }

    long insert(String name, String description, long priceCents, int stock) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO product (name, description, price_cents, stock) VALUES (?, ?, ?, ?)")
                .params(name, description, priceCents, stock)
                .update(keys);
        return keys.getKeyAs(Number.class).longValue();
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM product").query(Long.class).single();
    }
}
