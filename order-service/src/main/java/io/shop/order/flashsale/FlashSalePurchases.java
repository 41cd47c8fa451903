package io.shop.order.flashsale;

import io.shop.api.ShopException;
import io.shop.api.auth.AuthErrors;
import io.shop.api.flashsale.FlashSaleErrors;
import io.shop.api.order.OrderErrors;
import io.shop.order.ordering.IdempotencyKeys;
import io.shop.support.identity.Caller;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * A purchase on the request path: one Lua script decides (Redis only, no database), an accepted
 * buy goes to RocketMQ and is answered with its ticket. A buy the broker did not take is undone in
 * Redis and answered 503, so no unit is held for a ticket nobody will turn into an order.
 */
@Service
class FlashSalePurchases {

    private static final Logger log = LoggerFactory.getLogger(FlashSalePurchases.class);

    private final FlashSaleStore store;
    private final FlashSaleCatalog catalog;
    private final AcceptedBuys queue;
    private final Clock clock;

    FlashSalePurchases(FlashSaleStore store, FlashSaleCatalog catalog, AcceptedBuys queue, Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.queue = queue;
        this.clock = clock;
    }

    /** The ticket, and whether this call accepted it (false: the same key was used before). */
    record Outcome(Ticket ticket, boolean accepted) {}

    Outcome purchase(long activityId, long userId, String idempotencyKey, long addressId) {
        String key = IdempotencyKeys.require(idempotencyKey);
        String passport = Caller.current()
                .map(Caller::passport)
                .orElseThrow(() -> new ShopException(
                        ShopException.Kind.UNAUTHENTICATED, AuthErrors.UNAUTHENTICATED, "sign in first"));
        String ticketId = UUID.randomUUID().toString();
        for (int attempt = 0; ; attempt++) {
            FlashSaleStore.Attempt answer =
                    store.purchase(activityId, userId, key, ticketId, clock.instant(), addressId, passport);
            switch (answer.outcome()) {
                case "ACCEPTED" -> {
                    send(activityId, ticketId);
                    return new Outcome(store.ticket(activityId, ticketId).orElseThrow(), true);
                }
                case "REPLAY" -> {
                    return new Outcome(replay(activityId, answer.ticket(), addressId), false);
                }
                case "NOT_LOADED" -> {
                    if (attempt > 0) {
                        throw new IllegalStateException("flash sale " + activityId + " did not stay loaded");
                    }
                    catalog.ensureLoaded(activityId);
                }
                case "NOT_STARTED" ->
                    throw ShopException.conflict(
                            FlashSaleErrors.NOT_STARTED, "flash sale " + activityId + " has not started yet");
                case "ENDED" ->
                    throw ShopException.conflict(FlashSaleErrors.ENDED, "flash sale " + activityId + " is over");
                case "PURCHASE_LIMIT" ->
                    throw ShopException.conflict(
                            FlashSaleErrors.PURCHASE_LIMIT,
                            "you already hold as many units of this sale as one buyer may");
                case "SOLD_OUT" ->
                    throw new ShopException(
                            ShopException.Kind.GONE,
                            FlashSaleErrors.SOLD_OUT,
                            "flash sale " + activityId + " is sold out");
                default -> throw new IllegalStateException("purchase script answered " + answer.outcome());
            }
        }
    }

    private void send(long activityId, String ticketId) {
        try {
            queue.send(activityId, ticketId);
        } catch (RuntimeException e) {
            boolean undone = store.withdraw(activityId, ticketId);
            log.warn("accepted buy {} of flash sale {} not queued (undone: {})", ticketId, activityId, undone, e);
            throw new ShopException(
                    ShopException.Kind.UNAVAILABLE,
                    FlashSaleErrors.QUEUE_UNAVAILABLE,
                    "the purchase could not be queued; nothing was bought, try again");
        }
    }

    private Ticket replay(long activityId, String ticketId, long addressId) {
        Ticket ticket = store.ticket(activityId, ticketId).orElseThrow();
        if (ticket.addressId() != addressId) {
            throw new ShopException(
                    ShopException.Kind.UNPROCESSABLE,
                    OrderErrors.IDEMPOTENCY_KEY_REUSED,
                    "this Idempotency-Key was used for a purchase to another address");
        }
        return ticket;
    }
}
