package io.shop.product.catalog;

import io.shop.api.ShopException;
import io.shop.api.product.ProductErrors;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Categories and brands: small tables, read whole. */
@Repository
public class Categories {

    private final JdbcClient jdbc;

    Categories(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public CategoryTree tree() {
        return CategoryTree.of(jdbc.sql("SELECT id, parent_id, name FROM category")
                .query(Category.class)
                .list());
    }

    public List<Brand> brands() {
        return jdbc.sql("SELECT id, name FROM brand ORDER BY name")
                .query(Brand.class)
                .list();
    }

    public Brand brand(long id) {
        return jdbc.sql("SELECT id, name FROM brand WHERE id = ?")
                .param(id)
                .query(Brand.class)
                .optional()
                .orElseThrow(() -> ShopException.notFound(ProductErrors.BRAND_NOT_FOUND, "no brand " + id));
    }

    public Category category(long id) {
        return jdbc.sql("SELECT id, parent_id, name FROM category WHERE id = ?")
                .param(id)
                .query(Category.class)
                .optional()
                .orElseThrow(() -> ShopException.notFound(ProductErrors.CATEGORY_NOT_FOUND, "no category " + id));
    }

    public Category createCategory(String name, Long parentId) {
        if (parentId != null) {
            category(parentId);
        }
        try {
            return new Category(
                    insert("INSERT INTO category (name, parent_id) VALUES (?, ?)", name, parentId), parentId, name);
        } catch (DuplicateKeyException e) {
            throw ShopException.conflict(ProductErrors.CATEGORY_EXISTS, "category '" + name + "' exists there");
        }
    }

    public Brand createBrand(String name) {
        try {
            return new Brand(insert("INSERT INTO brand (name) VALUES (?)", name), name);
        } catch (DuplicateKeyException e) {
            throw ShopException.conflict(ProductErrors.BRAND_EXISTS, "brand '" + name + "' exists");
        }
    }

    private long insert(String sql, Object... params) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql(sql).params(params).update(keys);
        return keys.getKeyAs(Number.class).longValue();
    }
}
