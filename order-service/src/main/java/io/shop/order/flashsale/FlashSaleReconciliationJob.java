package io.shop.order.flashsale;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.shop.api.flashsale.FlashSaleActivity;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reconciles every started activity until its settle window after the end has passed, periodically: any difference is logged
 * with its findings and shows in the gauge {@code flashsale.reconciliation.differences} (the sum of
 * the units unaccounted for, over all activities), for an alert to watch.
 */
@Component
class FlashSaleReconciliationJob {

    private static final Logger log = LoggerFactory.getLogger(FlashSaleReconciliationJob.class);

    private final FlashSaleCatalog catalog;
    private final FlashSaleReconciliation reconciliation;
    private final FlashSaleSettings settings;
    private final Clock clock;
    private final AtomicLong differences = new AtomicLong();

    FlashSaleReconciliationJob(
            FlashSaleCatalog catalog,
            FlashSaleReconciliation reconciliation,
            FlashSaleSettings settings,
            Clock clock,
            MeterRegistry meters) {
        this.catalog = catalog;
        this.reconciliation = reconciliation;
        this.settings = settings;
        this.clock = clock;
        Gauge.builder("flashsale.reconciliation.differences", differences, AtomicLong::get)
                .description("units of flash sales unaccounted for at the last reconciliation")
                .register(meters);
    }

    @Scheduled(
            fixedDelayString = "${shop.order.flash-sale.reconciliation-interval}",
            initialDelayString = "${shop.order.flash-sale.reconciliation-interval}")
    void run() {
        Instant now = clock.instant();
        long total = 0;
        for (FlashSaleActivity activity : catalog.between(now.minus(settings.settleWindow()), now)) {
            FlashSaleReconciliation.Report report = reconciliation.of(activity.id());
            if (report.difference() != 0 || !report.findings().isEmpty()) {
                log.warn("flash sale {} does not reconcile: {}", activity.id(), report);
            }
            total += Math.abs(report.difference());
        }
        differences.set(total);
    }
}
