package io.shop.product.catalog;

import io.shop.api.ShopException;
import io.shop.api.product.ProductErrors;
import io.shop.api.product.ReserveStockCommand;
import io.shop.api.product.ReserveStockCommand.StockLine;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The catalog's use cases: reading products and reserving their stock. */
@Service
class Catalog {

    private final ProductRepository products;

    Catalog(ProductRepository products) {
        this.products = products;
    }

    Product product(long id) {
        return products.findById(id).orElseThrow(() -> notFound(id));
    }

    /** All lines or none: the first line that cannot be served rolls back the ones before it. */
    @Transactional
    void reserveStock(ReserveStockCommand command) {
        for (StockLine line : command.lines()) {
            if (!products.takeStock(line.productId(), line.quantity())) {
                throw products.exists(line.productId())
                        ? ShopException.conflict(
                                ProductErrors.OUT_OF_STOCK,
                                "not enough stock of product " + line.productId() + " for order " + command.orderNo())
                        : notFound(line.productId());
            }
        }
    }

    private static ShopException notFound(long id) {
        return ShopException.notFound(ProductErrors.PRODUCT_NOT_FOUND, "product " + id + " does not exist");
    }
}
