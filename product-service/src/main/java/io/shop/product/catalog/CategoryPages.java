package io.shop.product.catalog;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A category's products on shelf (its subcategories' included), one page at a time. */
@Component
class CategoryPages {

    static final int MAX_SIZE = 100;
    static final int MAX_PAGE = 500;

    private final JdbcClient jdbc;
    private final Categories categories;

    CategoryPages(JdbcClient jdbc, Categories categories) {
        this.jdbc = jdbc;
        this.categories = categories;
    }

    Page page(long categoryId, Long brandId, Sort sort, int page, int size) {
        categories.category(categoryId);
        List<Long> subtree = categories.tree().subtree(categoryId);
        String where = " FROM product p JOIN brand b ON b.id = p.brand_id WHERE p.on_shelf AND p.category_id IN (:cats)"
                + (brandId == null ? "" : " AND p.brand_id = :brand");
        var count = jdbc.sql("SELECT COUNT(*)" + where).param("cats", subtree);
        var items = jdbc.sql("SELECT p.id, p.title, p.subtitle, p.min_price_cents, b.name AS brand_name" + where
                        + " ORDER BY " + sort.orderBy + " LIMIT :size OFFSET :offset")
                .param("cats", subtree)
                .param("size", size)
                .param("offset", page * size);
        if (brandId != null) {
            count = count.param("brand", brandId);
            items = items.param("brand", brandId);
        }
        return new Page(
                count.query(Long.class).single(),
                page,
                size,
                items.query(Item.class).list());
    }

    /** Orders with a unique last key, so pages never repeat or skip a product. */
    enum Sort {
        newest("p.id DESC"),
        price_asc("p.min_price_cents ASC, p.id ASC"),
        price_desc("p.min_price_cents DESC, p.id DESC");

        private final String orderBy;

        Sort(String orderBy) {
            this.orderBy = orderBy;
        }
    }

    record Page(long total, int page, int size, List<Item> items) {}

    record Item(long id, String title, String subtitle, long minPriceCents, String brandName) {}
}
