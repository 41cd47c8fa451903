package io.shop.product.catalog;

import io.shop.api.ShopException;
import io.shop.api.product.ProductChanged;
import io.shop.api.product.ProductErrors;
import io.shop.api.product.ProductListing;
import io.shop.api.product.ProductTopics;
import io.shop.support.outbox.Outbox;
import java.time.Clock;
import java.util.UUID;
import org.apache.seata.rm.datasource.exec.LockConflictException;
import org.apache.seata.rm.datasource.exec.LockWaitTimeoutException;
import org.apache.seata.spring.annotation.GlobalLock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The operators' changes to the catalog. Each one commits together with its {@link ProductChanged}
 * event in the outbox, and tells the caches (after the commit) through {@link ProductWritten}.
 */
@Service
public class CatalogAdmin {

    /** A stock change was refused: an unfinished global transaction (a checkout) holds the SKU. */
    public static final String STOCK_LOCKED = "STOCK_LOCKED";
    /** A stock change would take more than is in stock. */
    public static final String NEGATIVE_STOCK = "NEGATIVE_STOCK";

    private final Products products;
    private final Categories categories;
    private final ProductListings listings;
    private final Outbox outbox;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transactions;

    CatalogAdmin(
            Products products,
            Categories categories,
            ProductListings listings,
            Outbox outbox,
            ApplicationEventPublisher events,
            Clock clock,
            TransactionTemplate transactions) {
        this.products = products;
        this.categories = categories;
        this.listings = listings;
        this.outbox = outbox;
        this.events = events;
        this.clock = clock;
        this.transactions = transactions;
    }

    @Transactional
    public long create(NewProduct product) {
        categories.category(product.categoryId());
        categories.brand(product.brandId());
        long id = products.insert(product);
        changed(id);
        return id;
    }

    @Transactional
    public void update(long id, ProductTexts texts, long categoryId, long brandId) {
        categories.category(categoryId);
        categories.brand(brandId);
        require(products.update(id, texts, categoryId, brandId), id);
        changed(id);
    }

    @Transactional
    public void setShelf(long id, boolean onShelf) {
        require(products.setShelf(id, onShelf), id);
        changed(id);
    }

    @Transactional
    public void setPrice(long productId, long skuId, long priceCents) {
        requireSku(products.setPrice(productId, skuId, priceCents), productId, skuId);
        changed(productId);
    }

    /**
     * Adds {@code delta} to a SKU's stock (negative: takes) the way reservations change it, so
     * that a reservation committed since the operator looked is kept, not overwritten. Checkout's
     * Seata global transactions change the same rows: under Seata's global lock, a row that an
     * unfinished global transaction changed is waited for (30 checks, 100 ms apart), then
     * refused, so that transaction's rollback still finds the row as it left it. The transaction
     * runs inside the global lock's scope (its commit too, where Seata may check again), so a
     * refusal can be answered as such.
     *
     * @return the stock after the change
     */
    @GlobalLock(lockRetryInterval = 100, lockRetryTimes = 30)
    public int changeStock(long productId, long skuId, int delta) {
        try {
            return transactions.execute(status -> {
                int stock = products.lockStock(productId, skuId).orElseThrow(() -> skuNotFound(productId, skuId));
                if (!products.addStock(skuId, delta)) {
                    throw ShopException.conflict(
                            NEGATIVE_STOCK,
                            "SKU " + skuId + " has " + stock + " in stock, " + -delta + " cannot be taken");
                }
                return stock + delta;
            });
        } catch (DataAccessException | TransactionException e) {
            if (heldByAGlobalTransaction(e)) {
                throw ShopException.conflict(
                        STOCK_LOCKED, "SKU " + skuId + " is being changed by an order; try again in a moment");
            }
            throw e;
        }
    }

    private void changed(long productId) {
        ProductListing listing = listings.of(productId);
        outbox.add(
                ProductTopics.PRODUCT_CHANGED,
                Long.toString(productId),
                new ProductChanged(UUID.randomUUID().toString(), clock.instant(), listing));
        events.publishEvent(new ProductWritten(productId, listing.version()));
    }

    private static void require(boolean found, long id) {
        if (!found) {
            throw ShopException.notFound(ProductErrors.PRODUCT_NOT_FOUND, "no product " + id);
        }
    }

    private static void requireSku(boolean found, long productId, long skuId) {
        if (!found) {
            throw skuNotFound(productId, skuId);
        }
    }

    private static ShopException skuNotFound(long productId, long skuId) {
        return ShopException.notFound(ProductErrors.SKU_NOT_FOUND, "product " + productId + " has no SKU " + skuId);
    }

    private static boolean heldByAGlobalTransaction(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof LockWaitTimeoutException || cause instanceof LockConflictException) {
                return true;
            }
        }
        return false;
    }
}
