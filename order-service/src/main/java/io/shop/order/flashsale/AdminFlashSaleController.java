package io.shop.order.flashsale;

import io.shop.api.flashsale.FlashSaleActivity;
import io.shop.support.identity.Caller;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What operators do with flash sales; the gateway requires the admin role and so does this class. */
@RestController
@RequestMapping("/api/admin/flash-sales")
class AdminFlashSaleController {

    private final FlashSaleCatalog catalog;
    private final FlashSaleReconciliation reconciliation;
    private final Clock clock;

    AdminFlashSaleController(FlashSaleCatalog catalog, FlashSaleReconciliation reconciliation, Clock clock) {
        this.catalog = catalog;
        this.reconciliation = reconciliation;
        this.clock = clock;
    }

    /** 201: the activity, its units already out of the SKU's stock (409 OUT_OF_STOCK if it has fewer). */
    @PostMapping
    ResponseEntity<FlashSaleView> create(@Valid @RequestBody NewFlashSaleRequest request) {
        Caller.requireAdmin();
        FlashSaleActivity created = catalog.create(request.toCommand());
        return ResponseEntity.created(URI.create("/api/flash-sales/" + created.id()))
                .body(FlashSaleView.of(created, catalog.remaining(created.id()), clock.instant()));
    }

    @GetMapping("/{activityId}/reconciliation")
    FlashSaleReconciliation.Report reconcile(@PathVariable long activityId) {
        Caller.requireAdmin();
        return reconciliation.of(activityId);
    }
}
