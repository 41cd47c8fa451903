package io.shop.order.flashsale;

import io.shop.api.flashsale.FlashSaleActivity;
import io.shop.order.ordering.FlashSaleOrder;
import io.shop.order.ordering.FlashSaleOrders;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Checks one activity: units left in Redis + units in flight + orders that hold a unit must be its
 * quantity. In flight is a ticket accepted and not yet ordered (QUEUED without an order), or one
 * whose order was cancelled and whose unit is on its way back (ORDERED, order CANCELLED): counted
 * so, the sum holds at every moment of a sale, not only once it settled. Findings name the
 * tickets and orders that do not fit.
 */
@Service
class FlashSaleReconciliation {

    private final FlashSaleCatalog catalog;
    private final FlashSaleStore store;
    private final FlashSaleOrders orders;

    FlashSaleReconciliation(FlashSaleCatalog catalog, FlashSaleStore store, FlashSaleOrders orders) {
        this.catalog = catalog;
        this.store = store;
        this.orders = orders;
    }

    record Finding(String ticket, String orderNo, String problem) {}

    record Report(
            long activityId,
            int quantity,
            int remaining,
            int inFlight,
            int ordered,
            int difference,
            List<Finding> findings) {}

    Report of(long activityId) {
        FlashSaleActivity activity = catalog.get(activityId);
        // Redis first, at one moment, the orders after: whatever moved in between is counted once
        FlashSaleStore.Snapshot snapshot = store.snapshot(activityId);
        Map<String, Ticket> tickets =
                snapshot.tickets().stream().collect(Collectors.toMap(Ticket::id, Function.identity()));
        Map<String, List<FlashSaleOrder>> ordersByTicket =
                orders.ofActivity(activityId).stream().collect(Collectors.groupingBy(FlashSaleOrder::ticket));
        List<Finding> findings = new ArrayList<>();
        // not in Redis: not loaded yet (nothing sold), or lost (then the orders below are all there is)
        int remaining =
                snapshot.remaining().orElse(tickets.isEmpty() && ordersByTicket.isEmpty() ? activity.quantity() : 0);
        int inFlight = 0;
        int ordered = 0;
        for (Ticket ticket : tickets.values()) {
            List<FlashSaleOrder> made = ordersByTicket.getOrDefault(ticket.id(), List.of());
            List<FlashSaleOrder> live =
                    made.stream().filter(FlashSaleOrder::holdsUnit).toList();
            ordered += live.size();
            if (live.size() > 1) {
                findings.add(new Finding(ticket.id(), live.get(1).orderNo(), "ticket has " + live.size() + " orders"));
            }
            switch (ticket.status()) {
                case Ticket.QUEUED -> inFlight += live.isEmpty() ? 1 : 0;
                case Ticket.ORDERED -> {
                    if (made.isEmpty()) {
                        findings.add(new Finding(
                                ticket.id(), ticket.orderNo(), "ticket names an order that does not exist"));
                    } else if (live.isEmpty()) {
                        inFlight++; // cancelled, its unit on the way back
                    }
                }
                default -> {
                    if (!live.isEmpty()) {
                        findings.add(new Finding(
                                ticket.id(),
                                live.get(0).orderNo(),
                                "order holds a unit its " + ticket.status() + " ticket gave back"));
                    }
                }
            }
        }
        for (Map.Entry<String, List<FlashSaleOrder>> entry : ordersByTicket.entrySet()) {
            if (!tickets.containsKey(entry.getKey())) {
                List<FlashSaleOrder> live = entry.getValue().stream()
                        .filter(FlashSaleOrder::holdsUnit)
                        .toList();
                ordered += live.size();
                live.forEach(order -> findings.add(
                        new Finding(entry.getKey(), order.orderNo(), "order of a ticket Redis does not know")));
            }
        }
        int difference = activity.quantity() - remaining - inFlight - ordered;
        return new Report(
                activityId, activity.quantity(), remaining, inFlight, ordered, difference, List.copyOf(findings));
    }
}
