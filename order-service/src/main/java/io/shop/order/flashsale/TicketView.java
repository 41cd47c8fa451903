package io.shop.order.flashsale;

/**
 * A buyer's ticket: QUEUED (its order is being made), ORDERED (with the order number; the order
 * itself says whether it was paid or cancelled since), or FAILED (with the code of why).
 */
record TicketView(String ticket, long activityId, String status, String orderNo, String code) {

    static TicketView of(long activityId, Ticket ticket) {
        String status = Ticket.RELEASED.equals(ticket.status()) ? Ticket.ORDERED : ticket.status();
        return new TicketView(ticket.id(), activityId, status, ticket.orderNo(), ticket.code());
    }
}
