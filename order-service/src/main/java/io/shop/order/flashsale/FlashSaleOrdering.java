package io.shop.order.flashsale;

import io.shop.api.ShopException;
import io.shop.api.flashsale.FlashSaleActivity;
import io.shop.api.flashsale.FlashSaleErrors;
import io.shop.api.user.ShippingAddressSnapshot;
import io.shop.api.user.UserErrors;
import io.shop.order.account.ShippingAddresses;
import io.shop.order.ordering.FlashSaleOrders;
import io.shop.order.ordering.FlashSaleUnit;
import io.shop.support.identity.Caller;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Turns a queued ticket into its order, once: a ticket no longer QUEUED changed nothing, an order
 * an earlier delivery made is found by the ticket. The buyer's address is looked up as the buyer
 * (the passport of the purchase). A failure that would happen again (no such address, a proof that
 * no longer holds) fails the ticket and gives its unit back; any other (a database or service
 * away) is thrown, and the message comes again.
 */
@Service
class FlashSaleOrdering {

    private static final Logger log = LoggerFactory.getLogger(FlashSaleOrdering.class);

    private static final Set<ShopException.Kind> FOR_GOOD = Set.of(
            ShopException.Kind.INVALID,
            ShopException.Kind.UNAUTHENTICATED,
            ShopException.Kind.FORBIDDEN,
            ShopException.Kind.NOT_FOUND,
            ShopException.Kind.UNPROCESSABLE,
            ShopException.Kind.CONFLICT,
            ShopException.Kind.GONE);

    private final FlashSaleStore store;
    private final FlashSaleCatalog catalog;
    private final FlashSaleOrders orders;
    private final ShippingAddresses addresses;

    FlashSaleOrdering(
            FlashSaleStore store, FlashSaleCatalog catalog, FlashSaleOrders orders, ShippingAddresses addresses) {
        this.store = store;
        this.catalog = catalog;
        this.orders = orders;
        this.addresses = addresses;
    }

    void order(long activityId, String ticketId) {
        Optional<Ticket> found = store.ticket(activityId, ticketId);
        if (found.isEmpty() || !found.get().queued()) {
            return;
        }
        Ticket ticket = found.get();
        FlashSaleUnit unit = new FlashSaleUnit(activityId, ticketId);
        Optional<String> earlier = orders.existing(ticket.userId(), unit);
        if (earlier.isPresent()) {
            store.ordered(activityId, ticketId, earlier.get());
            return;
        }
        FlashSaleActivity activity = catalog.get(activityId);
        String orderNo;
        try {
            orderNo = Caller.callAs(
                    ticket.passport(), () -> orders.place(unit, ticket.userId(), addressOf(ticket), activity));
        } catch (ShopException e) {
            if (!FOR_GOOD.contains(e.kind())) {
                throw e;
            }
            String code = UserErrors.ADDRESS_NOT_FOUND.equals(e.code()) && ticket.addressId() == 0
                    ? FlashSaleErrors.NO_SHIPPING_ADDRESS
                    : e.code();
            store.failed(activityId, ticketId, code);
            log.info("ticket {} of flash sale {} failed: {} ({})", ticketId, activityId, code, e.getMessage());
            return;
        }
        store.ordered(activityId, ticketId, orderNo);
    }

    private ShippingAddressSnapshot addressOf(Ticket ticket) {
        return ticket.addressId() == 0
                ? addresses.defaultOfBuyer(ticket.userId())
                : addresses.ofBuyer(ticket.userId(), ticket.addressId());
    }
}
