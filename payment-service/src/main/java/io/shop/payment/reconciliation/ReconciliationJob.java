package io.shop.payment.reconciliation;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reconciles the last {@code look-back} every {@code interval}; logs each difference and shows
 * their number as the gauge {@code payments.reconciliation.differences} for alerting.
 */
@Component
@EnableScheduling
class ReconciliationJob {

    private static final Logger log = LoggerFactory.getLogger(ReconciliationJob.class);

    private final Reconciliation reconciliation;
    private final ReconciliationSettings settings;
    private final Clock clock;
    private final AtomicInteger differences = new AtomicInteger();

    ReconciliationJob(
            Reconciliation reconciliation, ReconciliationSettings settings, Clock clock, MeterRegistry meters) {
        this.reconciliation = reconciliation;
        this.settings = settings;
        this.clock = clock;
        Gauge.builder("payments.reconciliation.differences", differences, AtomicInteger::get)
                .description("differences the last reconciliation found")
                .register(meters);
    }

    @Scheduled(
            initialDelayString = "${shop.payment.reconciliation.interval}",
            fixedDelayString = "${shop.payment.reconciliation.interval}")
    void reconcile() {
        Instant now = clock.instant();
        try {
            ReconciliationReport report = reconciliation.report(now.minus(settings.lookBack()), now);
            differences.set(report.differences().size());
            report.differences().forEach(difference -> log.warn("reconciliation: {}", difference));
            log.info(
                    "reconciled {} payments and {} paid orders: {} differences",
                    report.paymentsChecked(),
                    report.ordersChecked(),
                    report.differences().size());
        } catch (RuntimeException e) {
            log.warn("reconciliation did not run: {}", e.toString());
        }
    }
}
