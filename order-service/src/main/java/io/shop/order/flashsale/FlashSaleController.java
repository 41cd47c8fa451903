package io.shop.order.flashsale;

import io.shop.api.ShopException;
import io.shop.api.flashsale.FlashSaleErrors;
import io.shop.order.switches.OrderSwitches;
import io.shop.support.identity.CurrentUser;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The storefront's flash sales: what is on and coming, buying a unit, and the buyer's tickets. */
@RestController
@RequestMapping("/api/flash-sales")
class FlashSaleController {

    private final FlashSaleCatalog catalog;
    private final FlashSalePurchases purchases;
    private final FlashSaleStore store;
    private final Clock clock;

    private final OrderSwitches switches;

    FlashSaleController(
            FlashSaleCatalog catalog,
            FlashSalePurchases purchases,
            FlashSaleStore store,
            Clock clock,
            OrderSwitches switches) {
        this.catalog = catalog;
        this.purchases = purchases;
        this.store = store;
        this.clock = clock;
        this.switches = switches;
    }

    /** Activities on sale now or starting within a week, by start. */
    @GetMapping
    List<FlashSaleView> current() {
        Instant now = clock.instant();
        return catalog.listed().stream()
                .map(activity -> FlashSaleView.of(activity, catalog.remaining(activity.id()), now))
                .toList();
    }

    @GetMapping("/{activityId}")
    FlashSaleView one(@PathVariable long activityId) {
        return FlashSaleView.of(catalog.get(activityId), catalog.remaining(activityId), clock.instant());
    }

    /**
     * 202 with a ticket (QUEUED) for an accepted buy; the same Idempotency-Key again answers the
     * same ticket as it is now. Refusals answer at once: 410 SOLD_OUT, 409 FLASH_SALE_NOT_STARTED,
     * FLASH_SALE_ENDED or PURCHASE_LIMIT, 404 for an unknown activity, 503 FLASH_SALE_PAUSED while
     * operators paused flash sales.
     */
    @PostMapping("/{activityId}/purchase")
    ResponseEntity<TicketView> purchase(
            @CurrentUser long userId,
            @PathVariable long activityId,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @Valid @RequestBody(required = false) PurchaseRequest request) {
        switches.requireFlashSalesOpen();
        long addressId = request == null ? 0 : request.addressOrDefault();
        FlashSalePurchases.Outcome outcome = purchases.purchase(activityId, userId, idempotencyKey, addressId);
        TicketView ticket = TicketView.of(activityId, outcome.ticket());
        return ResponseEntity.accepted()
                .location(URI.create("/api/flash-sales/" + activityId + "/tickets/" + ticket.ticket()))
                .body(ticket);
    }

    @GetMapping("/{activityId}/tickets/{ticket}")
    TicketView ticket(@CurrentUser long userId, @PathVariable long activityId, @PathVariable String ticket) {
        return store.ticket(activityId, ticket)
                .filter(found -> found.userId() == userId)
                .map(found -> TicketView.of(activityId, found))
                .orElseThrow(() -> ShopException.notFound(FlashSaleErrors.TICKET_NOT_FOUND, "no ticket " + ticket));
    }
}
