package io.shop.product;

import io.shop.api.ShopException;
import io.shop.api.product.ProductErrors;
import io.shop.api.product.ProductListingPage;
import io.shop.api.product.ProductService;
import io.shop.api.product.ReserveStockCommand;
import io.shop.api.product.SkuSnapshot;
import io.shop.product.catalog.ProductListings;
import io.shop.product.catalog.ProductRow;
import io.shop.product.catalog.Products;
import io.shop.product.catalog.SkuRow;
import io.shop.product.stock.StockReservations;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.dubbo.config.annotation.DubboService;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DeadlockLoserDataAccessException;

@DubboService
class ProductServiceProvider implements ProductService {

    private static final int MAX_LISTING_PAGE = 1_000;
    private static final int DEADLOCK_ATTEMPTS = 3;

    private final Products products;
    private final ProductListings listings;
    private final StockReservations reservations;

    ProductServiceProvider(Products products, ProductListings listings, StockReservations reservations) {
        this.products = products;
        this.listings = listings;
        this.reservations = reservations;
    }

    @Override
    public List<SkuSnapshot> getSkus(List<Long> skuIds) {
        if (skuIds.size() > MAX_SKUS_PER_CALL) {
            throw ShopException.invalid(ProductErrors.TOO_MANY_SKUS, "at most " + MAX_SKUS_PER_CALL + " SKUs per call");
        }
        var skus = products.skus(skuIds);
        Map<Long, ProductRow> owners = products
                .find(skus.stream().map(SkuRow::productId).distinct().toList())
                .stream()
                .collect(Collectors.toMap(ProductRow::id, Function.identity()));
        return skus.stream()
                .map(s -> {
                    ProductRow p = owners.get(s.productId());
                    return new SkuSnapshot(
                            s.id(), p.id(), p.title(), s.specsSummary(), s.priceCents(), s.stock(), p.onShelf());
                })
                .toList();
    }

    @Override
    public void reserveStock(ReserveStockCommand command) {
        againAfterDeadlock(() -> {
            reservations.reserve(command);
            return null;
        });
    }

    @Override
    public boolean releaseStock(String orderNo) {
        return againAfterDeadlock(() -> reservations.release(orderNo));
    }

    @Override
    public void confirmStock(String orderNo) {
        againAfterDeadlock(() -> {
            reservations.confirm(orderNo);
            return null;
        });
    }

    @Override
    public boolean returnStock(String orderNo) {
        return againAfterDeadlock(() -> reservations.returnToStock(orderNo));
    }

    /**
     * Runs a stock transaction again when the database chose it as a deadlock's victim (InnoDB's
     * "try restarting transaction"): with many orders for one SKU, a reservation's insert can meet
     * the gap locks of another global transaction's rollback. The victim's local transaction was
     * rolled back whole and, under Seata, registered no branch, so running it again is safe.
     */
    private static <T> T againAfterDeadlock(Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (CannotAcquireLockException | DeadlockLoserDataAccessException deadlock) {
                if (attempt == DEADLOCK_ATTEMPTS) {
                    throw deadlock;
                }
            }
        }
    }

    @Override
    public ProductListingPage listProducts(long afterProductId, int size) {
        return listings.after(afterProductId, Math.max(1, Math.min(size, MAX_LISTING_PAGE)));
    }
}
