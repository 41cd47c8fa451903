package io.shop.product.flashsale;

import io.shop.api.ShopException;
import io.shop.api.flashsale.FlashSaleActivities;
import io.shop.api.flashsale.FlashSaleActivity;
import io.shop.api.flashsale.FlashSaleErrors;
import io.shop.api.flashsale.NewFlashSale;
import io.shop.api.product.ProductErrors;
import io.shop.product.catalog.ProductRow;
import io.shop.product.catalog.Products;
import io.shop.product.catalog.SkuRow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Flash-sale activities beside the stock they come from: creating one takes its units out of the
 * SKU's stock with the same conditional update orders use ({@code stock >= ?}), in the transaction
 * that inserts the activity, so the normal stock is never oversold and no unit is counted twice.
 */
@Service
class FlashSales {

    /** Longest window of one activity; also keeps every instant well inside TIMESTAMP's range. */
    static final Duration MAX_WINDOW = Duration.ofDays(30);

    private static final String COLUMNS = "id, sku_id, product_id, title, specs, flash_price_cents,"
            + " regular_price_cents, quantity, per_user_limit, starts_at, ends_at, created_at";

    private final JdbcClient jdbc;
    private final Products products;
    private final Clock clock;

    FlashSales(JdbcClient jdbc, Products products, Clock clock) {
        this.jdbc = jdbc;
        this.products = products;
        this.clock = clock;
    }

    @Transactional
    public FlashSaleActivity create(NewFlashSale sale) {
        Instant now = clock.instant();
        check(sale, now);
        jdbc.sql("SELECT id FROM sku WHERE id = ? FOR UPDATE")
                .param(sale.skuId())
                .query(Long.class)
                .optional();
        SkuRow sku = products.skus(List.of(sale.skuId())).stream()
                .findFirst()
                .orElseThrow(
                        () -> ShopException.notFound(ProductErrors.SKU_NOT_FOUND, "skuId: no SKU " + sale.skuId()));
        ProductRow product = products.find(List.of(sku.productId())).get(0);
        if (!product.onShelf()) {
            throw ShopException.conflict(ProductErrors.PRODUCT_OFF_SHELF, "skuId: SKU " + sku.id() + " is not on sale");
        }
        if (sale.flashPriceCents() > sku.priceCents()) {
            throw invalid("flashPriceCents: must not exceed the SKU's price of " + sku.priceCents() + " cents");
        }
        if (jdbc.sql("UPDATE sku SET stock = stock - ? WHERE id = ? AND stock >= ?")
                        .params(sale.quantity(), sku.id(), sale.quantity())
                        .update()
                == 0) {
            throw ShopException.conflict(
                    ProductErrors.OUT_OF_STOCK,
                    "quantity: SKU " + sku.id() + " has " + sku.stock() + " in stock, fewer than " + sale.quantity());
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO flash_sale (sku_id, product_id, title, specs, flash_price_cents, regular_price_cents,"
                        + " quantity, per_user_limit, starts_at, ends_at, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        sku.id(),
                        product.id(),
                        product.title(),
                        sku.specsSummary(),
                        sale.flashPriceCents(),
                        sku.priceCents(),
                        sale.quantity(),
                        sale.perUserLimit(),
                        Timestamp.from(millis(sale.startsAt())),
                        Timestamp.from(millis(sale.endsAt())),
                        Timestamp.from(millis(now)))
                .update(keys, "id");
        return get(keys.getKeyAs(Number.class).longValue());
    }

    public FlashSaleActivity get(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM flash_sale WHERE id = ?")
                .param(id)
                .query(FlashSales::activity)
                .optional()
                .orElseThrow(() -> ShopException.notFound(FlashSaleErrors.FLASH_SALE_NOT_FOUND, "no flash sale " + id));
    }

    public List<FlashSaleActivity> openBetween(Instant instant, Instant startsBefore) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM flash_sale WHERE ends_at > ? AND starts_at < ?"
                        + " ORDER BY starts_at, id LIMIT ?")
                .params(Timestamp.from(instant), Timestamp.from(startsBefore), FlashSaleActivities.MAX_LISTED)
                .query(FlashSales::activity)
                .list();
    }

    private static void check(NewFlashSale sale, Instant now) {
        if (sale.flashPriceCents() < 1) {
            throw invalid("flashPriceCents: must be at least 1");
        }
        if (sale.quantity() < 1 || sale.quantity() > FlashSaleActivities.MAX_QUANTITY) {
            throw invalid("quantity: must be between 1 and " + FlashSaleActivities.MAX_QUANTITY);
        }
        if (sale.perUserLimit() < 1 || sale.perUserLimit() > FlashSaleActivities.MAX_PER_USER_LIMIT) {
            throw invalid("perUserLimit: must be between 1 and " + FlashSaleActivities.MAX_PER_USER_LIMIT);
        }
        if (sale.startsAt() == null || sale.endsAt() == null) {
            throw invalid((sale.startsAt() == null ? "startsAt" : "endsAt") + ": required");
        }
        if (!sale.endsAt().isAfter(sale.startsAt())) {
            throw invalid("endsAt: must be after startsAt");
        }
        if (!sale.endsAt().isAfter(now)) {
            throw invalid("endsAt: must be in the future");
        }
        if (sale.startsAt().isBefore(now.minus(MAX_WINDOW))
                || sale.endsAt().isAfter(now.plus(MAX_WINDOW.multipliedBy(2)))
                || Duration.between(sale.startsAt(), sale.endsAt()).compareTo(MAX_WINDOW) > 0) {
            throw invalid("endsAt: an activity lasts at most " + MAX_WINDOW.toDays() + " days, within the next "
                    + MAX_WINDOW.multipliedBy(2).toDays());
        }
    }

    private static ShopException invalid(String message) {
        return ShopException.invalid(FlashSaleErrors.INVALID_FLASH_SALE, message);
    }

    private static Instant millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    private static FlashSaleActivity activity(ResultSet rs, int row) throws SQLException {
        return new FlashSaleActivity(
                rs.getLong("id"),
                rs.getLong("sku_id"),
                rs.getLong("product_id"),
                rs.getString("title"),
                rs.getString("specs"),
                rs.getLong("flash_price_cents"),
                rs.getLong("regular_price_cents"),
                rs.getInt("quantity"),
                rs.getInt("per_user_limit"),
                rs.getTimestamp("starts_at").toInstant(),
                rs.getTimestamp("ends_at").toInstant(),
                rs.getTimestamp("created_at").toInstant());
    }
}
