package io.shop.payment.reconciliation;

import io.shop.api.ShopException;
import io.shop.support.identity.Caller;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operators reconcile a period on demand: {@code from} and {@code to} (ISO instants), the last day by default. */
@RestController
class ReconciliationController {

    private static final Duration LONGEST = Duration.ofDays(31);

    private final Reconciliation reconciliation;
    private final ReconciliationSettings settings;
    private final Clock clock;

    ReconciliationController(Reconciliation reconciliation, ReconciliationSettings settings, Clock clock) {
        this.reconciliation = reconciliation;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping("/api/admin/payments/reconciliation")
    ReconciliationReport reconcile(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        Caller.requireAdmin();
        Instant end = to == null ? clock.instant() : to;
        Instant start = from == null ? end.minus(settings.lookBack()) : from;
        if (!start.isBefore(end) || Duration.between(start, end).compareTo(LONGEST) > 0) {
            throw ShopException.invalid("INVALID_PERIOD", "from: must be before to, at most 31 days apart");
        }
        return reconciliation.report(start, end);
    }
}
