package io.shop.payment.reconciliation;

import java.time.Instant;
import java.util.List;

/**
 * What one reconciliation of {@code [from, to)} found. Payments and orders that changed less than
 * the settle time ago are left for the next run: their news may still be on its way.
 */
public record ReconciliationReport(
        Instant from,
        Instant to,
        int paymentsChecked,
        int ordersChecked,
        boolean truncated,
        List<Difference> differences) {

    public ReconciliationReport {
        differences = List.copyOf(differences);
    }
}
