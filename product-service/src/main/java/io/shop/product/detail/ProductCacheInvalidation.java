package io.shop.product.detail;

import io.shop.product.catalog.ProductWritten;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Drops a changed product's page: at once after the commit on the instance that wrote it, on every
 * instance when the change's broadcast arrives ({@link ProductChangedBroadcast}), and once more a
 * moment later, for a reader that loaded the old row just before the commit and wrote it back to
 * Redis after the first delete.
 */
@Component
class ProductCacheInvalidation implements DisposableBean {

    private final ProductDetailCache cache;
    private final ProductCacheSettings settings;
    private final ScheduledExecutorService secondDeletes =
            Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "product-cache-second-delete"));

    ProductCacheInvalidation(ProductDetailCache cache, ProductCacheSettings settings) {
        this.cache = cache;
        this.settings = settings;
    }

    @TransactionalEventListener
    void afterCommit(ProductWritten written) {
        invalidate(written.productId());
    }

    void invalidate(long productId) {
        cache.evict(productId);
        secondDeletes.schedule(
                () -> cache.evict(productId), settings.secondDeleteDelay().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void destroy() {
        secondDeletes.shutdownNow();
    }
}
