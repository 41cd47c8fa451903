package io.shop.order.catalog;

import io.shop.api.product.ProductService;
import io.shop.api.product.ReserveStockCommand;
import io.shop.api.product.ReserveStockCommand.StockLine;
import io.shop.api.product.SkuSnapshot;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.dubbo.config.annotation.DubboReference;
import org.springframework.stereotype.Component;

/**
 * The catalog (product-service) as the cart and ordering need it, over Dubbo. Calls made inside a
 * Seata global transaction carry its XID, so product-service's writes become branches of it.
 */
@Component
public class CatalogClient {

    @DubboReference
    private ProductService products;

    /** The SKUs with those ids as they are now, by id; unknown ids are left out. */
    public Map<Long, SkuSnapshot> skus(Collection<Long> skuIds) {
        List<Long> ids = List.copyOf(skuIds);
        List<SkuSnapshot> found = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += ProductService.MAX_SKUS_PER_CALL) {
            found.addAll(
                    products.getSkus(ids.subList(from, Math.min(ids.size(), from + ProductService.MAX_SKUS_PER_CALL))));
        }
        return found.stream().collect(Collectors.toMap(SkuSnapshot::skuId, Function.identity(), (a, b) -> a));
    }

    public void reserveStock(String orderNo, List<StockLine> lines) {
        products.reserveStock(new ReserveStockCommand(orderNo, lines));
    }

    public boolean releaseStock(String orderNo) {
        return products.releaseStock(orderNo);
    }

    public void confirmStock(String orderNo) {
        products.confirmStock(orderNo);
    }

    public boolean returnStock(String orderNo) {
        return products.returnStock(orderNo);
    }
}
