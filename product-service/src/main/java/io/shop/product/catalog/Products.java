package io.shop.product.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Products and their SKUs. Every change of a product or its SKUs raises the product's version. */
@Repository
public class Products {

    private static final String PRODUCT_COLUMNS =
            "id, category_id, brand_id, title, subtitle, description, on_shelf, min_price_cents, version";
    private static final String SKU_COLUMNS = "id, product_id, specs, price_cents, stock";
    private static final TypeReference<LinkedHashMap<String, String>> SPECS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    Products(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<ProductRow> find(long id) {
        return jdbc.sql("SELECT " + PRODUCT_COLUMNS + " FROM product WHERE id = ?")
                .param(id)
                .query(ProductRow.class)
                .optional();
    }

    public List<ProductRow> find(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + PRODUCT_COLUMNS + " FROM product WHERE id IN (:ids)")
                .param("ids", ids)
                .query(ProductRow.class)
                .list();
    }

    public List<ProductRow> after(long afterId, int size) {
        return jdbc.sql("SELECT " + PRODUCT_COLUMNS + " FROM product WHERE id > ? ORDER BY id LIMIT ?")
                .params(afterId, size)
                .query(ProductRow.class)
                .list();
    }

    public List<SkuRow> skusOf(long productId) {
        return jdbc.sql("SELECT " + SKU_COLUMNS + " FROM sku WHERE product_id = ? ORDER BY id")
                .param(productId)
                .query(this::sku)
                .list();
    }

    public List<SkuRow> skusOf(Collection<Long> productIds) {
        if (productIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + SKU_COLUMNS + " FROM sku WHERE product_id IN (:ids) ORDER BY id")
                .param("ids", productIds)
                .query(this::sku)
                .list();
    }

    public List<SkuRow> skus(Collection<Long> skuIds) {
        if (skuIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + SKU_COLUMNS + " FROM sku WHERE id IN (:ids) ORDER BY id")
                .param("ids", skuIds)
                .query(this::sku)
                .list();
    }

    long insert(NewProduct product) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO product (category_id, brand_id, title, subtitle, description, on_shelf, min_price_cents)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        product.categoryId(),
                        product.brandId(),
                        product.title(),
                        product.subtitle(),
                        product.description(),
                        product.onShelf(),
                        product.minPriceCents())
                .update(keys);
        long id = keys.getKeyAs(Number.class).longValue();
        for (NewProduct.NewSku sku : product.skus()) {
            jdbc.sql("INSERT INTO sku (product_id, specs, price_cents, stock) VALUES (?, ?, ?, ?)")
                    .params(id, toJson(sku.specs()), sku.priceCents(), sku.stock())
                    .update();
        }
        return id;
    }

    boolean update(long id, ProductTexts texts, long categoryId, long brandId) {
        return jdbc.sql("UPDATE product SET title = ?, subtitle = ?, description = ?, category_id = ?, brand_id = ?,"
                                + " version = version + 1 WHERE id = ?")
                        .params(texts.title(), texts.subtitle(), texts.description(), categoryId, brandId, id)
                        .update()
                == 1;
    }

    boolean setShelf(long id, boolean onShelf) {
        return jdbc.sql("UPDATE product SET on_shelf = ?, version = version + 1 WHERE id = ?")
                        .params(onShelf, id)
                        .update()
                == 1;
    }

    /** Sets a SKU's price and the product's lowest price; false when the SKU is not the product's. */
    boolean setPrice(long productId, long skuId, long priceCents) {
        if (jdbc.sql("UPDATE sku SET price_cents = ? WHERE id = ? AND product_id = ?")
                        .params(priceCents, skuId, productId)
                        .update()
                == 0) {
            return false;
        }
        jdbc.sql("UPDATE product SET version = version + 1,"
                        + " min_price_cents = (SELECT MIN(price_cents) FROM sku WHERE product_id = ?) WHERE id = ?")
                .params(productId, productId)
                .update();
        return true;
    }

    /**
     * A SKU's stock, its row locked until the transaction ends; empty when the SKU is not the
     * product's. Under Seata's {@code @GlobalLock}, this FOR UPDATE is also where Seata checks
     * that no unfinished global transaction holds the row.
     */
    Optional<Integer> lockStock(long productId, long skuId) {
        return jdbc.sql("SELECT stock FROM sku WHERE id = ? AND product_id = ? FOR UPDATE")
                .params(skuId, productId)
                .query(Integer.class)
                .optional();
    }

    /**
     * Adds {@code delta} to a SKU's stock (negative: takes), as reservations change it; false when
     * the stock would go below zero. Stock is not part of the product's version.
     */
    boolean addStock(long skuId, int delta) {
        return jdbc.sql("UPDATE sku SET stock = stock + ? WHERE id = ? AND stock + ? >= 0")
                        .params(delta, skuId, delta)
                        .update()
                == 1;
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM product").query(Long.class).single();
    }

    private SkuRow sku(ResultSet rs, int row) throws SQLException {
        return new SkuRow(
                rs.getLong("id"),
                rs.getLong("product_id"),
                fromJson(rs.getString("specs")),
                rs.getLong("price_cents"),
                rs.getInt("stock"));
    }

    String toJson(Map<String, String> specs) {
        try {
            return json.writeValueAsString(specs);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> fromJson(String specs) {
        try {
            return json.readValue(specs, SPECS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("malformed specs " + specs, e);
        }
    }
}
