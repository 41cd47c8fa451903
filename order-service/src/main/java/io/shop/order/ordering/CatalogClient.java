package io.shop.order.ordering;

import io.shop.api.product.ProductService;
import io.shop.api.product.ProductSnapshot;
import io.shop.api.product.ReserveStockCommand;
import io.shop.api.product.ReserveStockCommand.StockLine;
import java.util.List;
import org.apache.dubbo.config.annotation.DubboReference;
import org.springframework.stereotype.Component;

/** The catalog (product-service) as ordering needs it, over Dubbo. */
@Component
class CatalogClient {

    @DubboReference
    private ProductService products;

    ProductSnapshot product(long productId) {
        return products.getProduct(productId);
    }

    void reserveStock(String orderNo, List<OrderLine> lines) {
        products.reserveStock(new ReserveStockCommand(
                orderNo,
                lines.stream()
                        .map(line -> new StockLine(line.productId(), line.quantity()))
                        .toList()));
    }
}
