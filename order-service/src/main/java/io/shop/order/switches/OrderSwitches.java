package io.shop.order.switches;

import io.shop.api.ShopException;
import io.shop.api.flashsale.FlashSaleErrors;
import io.shop.api.order.OrderErrors;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The operators' run-time switches of order-service, {@code shop.order.switches.*}: committed in
 * {@code infra/config/order-service.yml}, written to the registry's config by {@code ./shop config
 * push}, and read again whenever that config changes (Spring Cloud's {@link EnvironmentChangeEvent}),
 * without a restart. A value that is neither {@code true} nor {@code false} is refused with a warning,
 * and the last good one stays; a switch nobody set is on.
 */
@Component
public class OrderSwitches {

    private static final Logger log = LoggerFactory.getLogger(OrderSwitches.class);

    static final String CHECKOUT_OPEN = "shop.order.switches.checkout-open";
    static final String FLASH_SALES_OPEN = "shop.order.switches.flash-sales-open";

    private final Environment environment;
    private volatile boolean checkoutOpen = true;
    private volatile boolean flashSalesOpen = true;

    OrderSwitches(Environment environment) {
        this.environment = environment;
        reread();
    }

    @EventListener(EnvironmentChangeEvent.class)
    void reread() {
        checkoutOpen = read(CHECKOUT_OPEN, checkoutOpen);
        flashSalesOpen = read(FLASH_SALES_OPEN, flashSalesOpen);
    }

    /** Checkout read-only: orders and carts can be seen, no order can be placed (503). */
    public void requireCheckoutOpen() {
        if (!checkoutOpen) {
            throw new ShopException(
                    ShopException.Kind.UNAVAILABLE,
                    OrderErrors.CHECKOUT_READ_ONLY,
                    "checkout is read-only for now: orders can be seen but not placed; try again later");
        }
    }

    /** Flash sales paused: activities and tickets can be seen, nothing can be bought (503). */
    public void requireFlashSalesOpen() {
        if (!flashSalesOpen) {
            throw new ShopException(
                    ShopException.Kind.UNAVAILABLE,
                    FlashSaleErrors.PAUSED,
                    "flash sales are paused for now: nothing was bought; try again later");
        }
    }

    private boolean read(String key, boolean lastGood) {
        String raw = environment.getProperty(key);
        if (raw == null) {
            return true;
        }
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                log.warn("refused {}={}: neither true nor false; it stays {}", key, raw, lastGood);
                yield lastGood;
            }
        };
    }
}
