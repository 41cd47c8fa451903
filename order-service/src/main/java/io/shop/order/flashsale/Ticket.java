package io.shop.order.flashsale;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An accepted buy as Redis keeps it (the Lua scripts' JSON). Its unit is the buyer's while it is
 * QUEUED (being turned into an order) or ORDERED; FAILED and RELEASED (its order was cancelled)
 * gave the unit back. {@code address} 0 is the buyer's default address; {@code passport} is the
 * gateway's proof of the buyer that came with the purchase, shown again when the order is made.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record Ticket(
        String id,
        @JsonProperty("user") long userId,
        String key,
        @JsonProperty("address") long addressId,
        String status,
        String orderNo,
        String code,
        long acceptedAt,
        String passport) {

    static final String QUEUED = "QUEUED";
    static final String ORDERED = "ORDERED";
    static final String FAILED = "FAILED";
    static final String RELEASED = "RELEASED";

    Ticket withId(String ticketId) {
        return new Ticket(ticketId, userId, key, addressId, status, orderNo, code, acceptedAt, passport);
    }

    boolean queued() {
        return QUEUED.equals(status);
    }
}
