package io.shop.product.flashsale;

import io.shop.api.ShopException;
import io.shop.api.flashsale.FlashSaleActivities;
import io.shop.api.flashsale.FlashSaleActivity;
import io.shop.api.flashsale.NewFlashSale;
import io.shop.support.identity.Caller;
import java.time.Instant;
import java.util.List;
import org.apache.dubbo.config.annotation.DubboService;

@DubboService
class FlashSaleActivitiesProvider implements FlashSaleActivities {

    private final FlashSales sales;

    FlashSaleActivitiesProvider(FlashSales sales) {
        this.sales = sales;
    }

    @Override
    public FlashSaleActivity create(NewFlashSale sale) {
        Caller.requireAdmin();
        return sales.create(sale);
    }

    @Override
    public FlashSaleActivity get(long activityId) {
        return sales.get(activityId);
    }

    @Override
    public List<FlashSaleActivity> openBetween(Instant instant, Instant startsBefore) {
        if (instant == null || startsBefore == null) {
            throw ShopException.invalidArgument("instant and startsBefore are required");
        }
        return sales.openBetween(instant, startsBefore);
    }
}
