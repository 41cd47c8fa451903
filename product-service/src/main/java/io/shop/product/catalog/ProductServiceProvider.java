package io.shop.product.catalog;

import io.shop.api.product.ProductService;
import io.shop.api.product.ProductSnapshot;
import io.shop.api.product.ReserveStockCommand;
import org.apache.dubbo.config.annotation.DubboService;

@DubboService
class ProductServiceProvider implements ProductService {

    private final Catalog catalog;

    ProductServiceProvider(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public ProductSnapshot getProduct(long productId) {
        return catalog.product(productId).snapshot();
    }

    @Override
    public void reserveStock(ReserveStockCommand command) {
        catalog.reserveStock(command);
    }
}
