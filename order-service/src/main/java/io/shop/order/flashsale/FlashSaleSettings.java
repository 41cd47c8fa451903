package io.shop.order.flashsale;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code shop.order.flash-sale.*}.
 *
 * @param tag the message tag of accepted buys this instance sends and the only one its consumer takes
 * @param keyPrefix the Redis keys of an activity are {@code <prefix>:{<id>}:<part>}
 * @param preloadAhead activities starting within this are put into Redis ahead of their start
 * @param upkeepInterval how often activities are preloaded and stale queued tickets sent again
 * @param requeueAfter a ticket still QUEUED this long after it was accepted is sent again
 * @param keepAfterEnd how long an activity's Redis state (tickets included) outlives its end
 * @param settleWindow how long after its end an activity is still reconciled and its queued tickets
 *     sent again (its last orders are made, and cancelled if unpaid, within it)
 * @param reconciliationInterval how often the open activities are reconciled
 */
@ConfigurationProperties("shop.order.flash-sale")
record FlashSaleSettings(
        String tag,
        String keyPrefix,
        Duration preloadAhead,
        Duration upkeepInterval,
        Duration requeueAfter,
        Duration keepAfterEnd,
        Duration settleWindow,
        Duration reconciliationInterval) {}
