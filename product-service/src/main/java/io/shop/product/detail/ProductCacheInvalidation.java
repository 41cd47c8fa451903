package io.shop.product.detail;

import io.shop.product.catalog.ProductWritten;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Drops a changed product's older pages: at once after the commit on the instance that wrote it,
 * and on every instance when the change's broadcast arrives ({@link ProductChangedBroadcast}).
 * Both carry the product's new version, so neither can drop a page that is already that new, and
 * a reader that loaded the old row just before the commit cannot cache it afterwards (see
 * {@link ProductPages}).
 */
@Component
class ProductCacheInvalidation {

    private static final Logger log = LoggerFactory.getLogger(ProductCacheInvalidation.class);

    private final ProductDetailCache cache;

    ProductCacheInvalidation(ProductDetailCache cache) {
        this.cache = cache;
    }

    @TransactionalEventListener
    void afterCommit(ProductWritten written) {
        invalidate(written.productId(), written.version());
    }

    /** Never fails: if Redis cannot be told now, every instance tells it again on the broadcast. */
    void invalidate(long productId, long version) {
        try {
            cache.invalidate(productId, version);
        } catch (RuntimeException e) {
            log.warn("page of product {} (version {}) not invalidated in Redis: {}", productId, version, e.toString());
        }
    }
}
