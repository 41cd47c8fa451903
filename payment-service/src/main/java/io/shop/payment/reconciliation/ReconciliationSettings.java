package io.shop.payment.reconciliation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code shop.payment.reconciliation.*}: how often the job runs, how far back it looks, and how
 * long a change is given to reach the other side before a disagreement counts.
 */
@ConfigurationProperties("shop.payment.reconciliation")
record ReconciliationSettings(Duration interval, Duration lookBack, Duration settleTime) {}
