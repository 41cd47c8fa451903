package io.shop.order.ordering;

import io.shop.api.ShopException;
import io.shop.api.order.OrderErrors;
import io.shop.api.product.ProductErrors;
import io.shop.api.product.SkuSnapshot;
import io.shop.api.user.ShippingAddressSnapshot;
import io.shop.order.account.ShippingAddresses;
import io.shop.order.cart.CartEntry;
import io.shop.order.cart.CartStore;
import io.shop.order.catalog.CatalogClient;
import io.shop.order.ordering.OrderRepository.Placement;
import io.shop.order.outbox.OrderOutbox;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

/**
 * Turns a request (or the whole cart) into an order, once per idempotency key: checks that the
 * address is the buyer's own (and keeps it as it reads now), prices and checks the lines (a
 * failure there reserves nothing), places the order in its global transaction, and only after
 * that committed publishes its event and takes the lines out of the cart.
 */
@Service
class Checkout {

    private final IdempotencyKeys keys;
    private final PlacingOrder placing;
    private final OrderRepository orders;
    private final OrderNumbers numbers;
    private final CatalogClient catalog;
    private final ShippingAddresses addresses;
    private final CartStore carts;
    private final OrderOutbox outbox;
    private final Clock clock;

    Checkout(
            IdempotencyKeys keys,
            PlacingOrder placing,
            OrderRepository orders,
            OrderNumbers numbers,
            CatalogClient catalog,
            ShippingAddresses addresses,
            CartStore carts,
            OrderOutbox outbox,
            Clock clock) {
        this.keys = keys;
        this.placing = placing;
        this.orders = orders;
        this.numbers = numbers;
        this.catalog = catalog;
        this.addresses = addresses;
        this.carts = carts;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The order, and whether this call created it (false: an earlier call with the same key did). */
    record Outcome(Order order, boolean created) {}

    Outcome place(long userId, String idempotencyKey, PlaceOrderRequest request) {
        String key = IdempotencyKeys.require(idempotencyKey);
        String hash = RequestFingerprint.of(request);
        for (int attempt = 0; ; attempt++) {
            Optional<Outcome> earlier = keys.lookup(userId, key).map(placement -> replay(userId, placement, hash));
            if (earlier.isPresent()) {
                return earlier.get();
            }
            ShippingAddressSnapshot shipTo = addresses.ofBuyer(userId, request.addressId());
            Order order = price(userId, request, shipTo);
            try {
                PlacingOrder.Placed placed = placing.place(order, key, hash);
                outbox.publish(placed.events());
                carts.remove(
                        userId, order.lines().stream().map(OrderLine::skuId).toList());
                return new Outcome(placed.order(), true);
            } catch (DataIntegrityViolationException e) {
                // a concurrent request with the same key won: look again (bounded); anything else is
                // no race, and trying again would only fail again
                if (!IdempotencyKeys.lostRace(e) || attempt == 2) {
                    throw e;
                }
            }
        }
    }

    private Outcome replay(long userId, Placement placement, String hash) {
        if (!placement.requestHash().equals(hash)) {
            throw new ShopException(
                    ShopException.Kind.UNPROCESSABLE,
                    OrderErrors.IDEMPOTENCY_KEY_REUSED,
                    "this Idempotency-Key was used for a different order request");
        }
        return new Outcome(orders.findOfUser(userId, placement.orderNo()).orElseThrow(), false);
    }

    private Order price(long userId, PlaceOrderRequest request, ShippingAddressSnapshot shipTo) {
        List<PlaceOrderRequest.Line> lines = request.wholeCart() ? cartLines(userId) : request.lines();
        if (lines.stream().map(PlaceOrderRequest.Line::skuId).distinct().count() != lines.size()) {
            throw ShopException.invalid(OrderErrors.DUPLICATE_SKU, "lines: each SKU may appear once");
        }
        Map<Long, SkuSnapshot> skus =
                catalog.skus(lines.stream().map(PlaceOrderRequest.Line::skuId).toList());
        List<OrderLine> priced = lines.stream()
                .map(line -> OrderLine.of(buyable(skus.get(line.skuId()), line), line.quantity()))
                .toList();
        return Order.place(
                numbers.next(userId), userId, shipTo, priced, clock.instant().truncatedTo(ChronoUnit.MILLIS));
    }

    private List<PlaceOrderRequest.Line> cartLines(long userId) {
        List<CartEntry> entries = carts.entries(userId);
        if (entries.isEmpty()) {
            throw new ShopException(ShopException.Kind.UNPROCESSABLE, OrderErrors.CART_EMPTY, "the cart is empty");
        }
        return entries.stream()
                .map(entry -> new PlaceOrderRequest.Line(entry.skuId(), entry.quantity(), null))
                .toList();
    }

    private static SkuSnapshot buyable(SkuSnapshot sku, PlaceOrderRequest.Line line) {
        if (sku == null) {
            throw new ShopException(
                    ShopException.Kind.UNPROCESSABLE, ProductErrors.SKU_NOT_FOUND, "lines: no SKU " + line.skuId());
        }
        if (!sku.onShelf()) {
            throw new ShopException(
                    ShopException.Kind.UNPROCESSABLE,
                    ProductErrors.PRODUCT_OFF_SHELF,
                    "lines: SKU " + line.skuId() + " is not for sale");
        }
        if (line.expectedUnitPriceCents() != null && line.expectedUnitPriceCents() != sku.priceCents()) {
            throw ShopException.conflict(
                    OrderErrors.PRICE_CHANGED,
                    "lines: SKU " + line.skuId() + " now costs " + sku.priceCents() + " cents");
        }
        return sku;
    }
}
