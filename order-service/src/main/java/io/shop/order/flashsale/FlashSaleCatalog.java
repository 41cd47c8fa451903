package io.shop.order.flashsale;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.shop.api.ShopException;
import io.shop.api.flashsale.FlashSaleActivities;
import io.shop.api.flashsale.FlashSaleActivity;
import io.shop.api.flashsale.FlashSaleErrors;
import io.shop.api.flashsale.NewFlashSale;
import io.shop.order.ordering.FlashSaleOrders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.dubbo.config.annotation.DubboReference;
import org.springframework.stereotype.Component;

/**
 * The activities (product-service keeps them, over Dubbo) and their loading into Redis. An
 * activity never changes once created, so it is cached here for good; unknown ids are remembered
 * briefly, so ids made up by the thousand cost product-service one call each per few seconds.
 */
@Component
class FlashSaleCatalog {

    private final Cache<Long, FlashSaleActivity> activities =
            Caffeine.newBuilder().maximumSize(10_000).build();
    private final Cache<Long, Boolean> unknown = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(Duration.ofSeconds(5))
            .build();

    /** What the storefront lists: one entry, refreshed every few seconds however many ask. */
    private final Cache<Boolean, List<FlashSaleActivity>> listed =
            Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(2)).build();

    @DubboReference
    private FlashSaleActivities remote;

    private final FlashSaleStore store;
    private final FlashSaleOrders orders;
    private final FlashSaleSettings settings;
    private final Clock clock;

    FlashSaleCatalog(FlashSaleStore store, FlashSaleOrders orders, FlashSaleSettings settings, Clock clock) {
        this.store = store;
        this.orders = orders;
        this.settings = settings;
        this.clock = clock;
    }

    /** For the operator the current call is made for (product-service checks the role). */
    FlashSaleActivity create(NewFlashSale sale) {
        FlashSaleActivity created = remote.create(sale);
        activities.put(created.id(), created);
        if (dueForLoading(created, clock.instant())) {
            load(created);
        }
        return created;
    }

    /** {@code FLASH_SALE_NOT_FOUND} (404) for an id no activity has. */
    FlashSaleActivity get(long activityId) {
        FlashSaleActivity known = activities.getIfPresent(activityId);
        if (known != null) {
            return known;
        }
        if (unknown.getIfPresent(activityId) != null) {
            throw notFound(activityId);
        }
        try {
            FlashSaleActivity fetched = remote.get(activityId);
            activities.put(activityId, fetched);
            return fetched;
        } catch (ShopException e) {
            if (FlashSaleErrors.FLASH_SALE_NOT_FOUND.equals(e.code())) {
                unknown.put(activityId, true);
            }
            throw e;
        }
    }

    /** Activities on sale now or starting within a week, by start. */
    List<FlashSaleActivity> listed() {
        return listed.get(true, all -> {
            Instant now = clock.instant();
            return between(now, now.plus(Duration.ofDays(7)));
        });
    }

    /** The activities that end after {@code endsAfter} and start before {@code startsBefore}. */
    List<FlashSaleActivity> between(Instant endsAfter, Instant startsBefore) {
        List<FlashSaleActivity> open = remote.openBetween(endsAfter, startsBefore);
        open.forEach(activity -> activities.put(activity.id(), activity));
        return open;
    }

    /**
     * Makes sure a purchasable activity is in Redis (the upkeep loads it ahead of its start; this is
     * for a purchase that came first). {@code FLASH_SALE_NOT_STARTED} while it is not due yet,
     * {@code FLASH_SALE_ENDED} once over.
     */
    void ensureLoaded(long activityId) {
        FlashSaleActivity activity = get(activityId);
        Instant now = clock.instant();
        if (!now.isBefore(activity.endsAt())) {
            throw ShopException.conflict(FlashSaleErrors.ENDED, "flash sale " + activityId + " is over");
        }
        if (!dueForLoading(activity, now)) {
            throw ShopException.conflict(
                    FlashSaleErrors.NOT_STARTED, "flash sale " + activityId + " starts at " + activity.startsAt());
        }
        load(activity);
    }

    /**
     * Loads an activity unless Redis has it. Units its live orders hold are not for sale again: when
     * Redis lost the activity (a restart without persistence), what the database knows was sold
     * stays sold. Tickets Redis lost with it are lost to their buyers (see docs/flash-sale.md).
     */
    boolean load(FlashSaleActivity activity) {
        if (store.loaded(activity.id())) {
            return false;
        }
        long sold = orders.ofActivity(activity.id()).stream()
                .filter(order -> order.holdsUnit())
                .count();
        return store.load(activity, (int) Math.max(0, activity.quantity() - sold));
    }

    Optional<Integer> remaining(long activityId) {
        return store.remaining(activityId);
    }

    private boolean dueForLoading(FlashSaleActivity activity, Instant now) {
        return activity.startsAt().isBefore(now.plus(settings.preloadAhead())) && now.isBefore(activity.endsAt());
    }

    private static ShopException notFound(long activityId) {
        return ShopException.notFound(FlashSaleErrors.FLASH_SALE_NOT_FOUND, "no flash sale " + activityId);
    }
}
