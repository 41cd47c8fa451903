package io.shop.order.ordering;

import io.shop.api.flashsale.FlashSaleActivity;
import io.shop.api.user.ShippingAddressSnapshot;
import io.shop.order.outbox.OrderOutbox;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

/**
 * Orders for flash-sale tickets, through the normal order path (the user's shard, the outbox, the
 * payment timer): one unit at the flash price, once per ticket. The ticket is the order's
 * idempotency key, so a ticket delivered twice, or again after a crash, finds the order it made.
 */
@Service
public class FlashSaleOrders {

    private final IdempotencyKeys keys;
    private final PlacingOrder placing;
    private final OrderRepository orders;
    private final OrderNumbers numbers;
    private final OrderOutbox outbox;
    private final Clock clock;

    FlashSaleOrders(
            IdempotencyKeys keys,
            PlacingOrder placing,
            OrderRepository orders,
            OrderNumbers numbers,
            OrderOutbox outbox,
            Clock clock) {
        this.keys = keys;
        this.placing = placing;
        this.orders = orders;
        this.numbers = numbers;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The order number an earlier delivery of this ticket made, if one did. */
    public Optional<String> existing(long userId, FlashSaleUnit unit) {
        return keys.lookup(userId, keyOf(unit)).map(OrderRepository.Placement::orderNo);
    }

    /** The ticket's order, made now unless an earlier delivery made it; answers its number. */
    public String place(FlashSaleUnit unit, long userId, ShippingAddressSnapshot shipTo, FlashSaleActivity activity) {
        String key = keyOf(unit);
        for (int attempt = 0; ; attempt++) {
            Optional<String> earlier = existing(userId, unit);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            OrderLine line = new OrderLine(
                    activity.skuId(),
                    activity.productId(),
                    activity.title(),
                    activity.specs(),
                    activity.flashPriceCents(),
                    1);
            Order order = Order.placeForFlashSale(
                    numbers.next(userId), userId, shipTo, line, clock.instant().truncatedTo(ChronoUnit.MILLIS), unit);
            try {
                PlacingOrder.Placed placed = placing.placeTaken(order, key, sha256(key));
                outbox.publish(placed.events());
                return order.orderNo();
            } catch (DataIntegrityViolationException e) {
                if (!IdempotencyKeys.lostRace(e) || attempt == 2) {
                    throw e;
                }
            }
        }
    }

    /** The flash-sale ticket an order of this user was made for; empty for any other order. */
    public Optional<FlashSaleUnit> unitOf(long userId, String orderNo) {
        return (OrderNumbers.wellFormed(orderNo) ? orders.findOfUser(userId, orderNo) : Optional.<Order>empty())
                .map(Order::flashSale);
    }

    public List<FlashSaleOrder> ofActivity(long activityId) {
        return orders.ofFlashSale(activityId);
    }

    private static String keyOf(FlashSaleUnit unit) {
        return "fs-" + unit.activityId() + "-" + unit.ticket();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
