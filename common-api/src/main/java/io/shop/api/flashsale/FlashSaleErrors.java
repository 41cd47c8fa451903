package io.shop.api.flashsale;

/** Stable error codes of flash sales. */
public final class FlashSaleErrors {

    public static final String FLASH_SALE_NOT_FOUND = "FLASH_SALE_NOT_FOUND";
    /** A field of a new activity out of range; the message names it. */
    public static final String INVALID_FLASH_SALE = "INVALID_FLASH_SALE";
    /** No units left (410). */
    public static final String SOLD_OUT = "SOLD_OUT";
    /** The sale has not started yet (409). */
    public static final String NOT_STARTED = "FLASH_SALE_NOT_STARTED";
    /** The sale is over (409). */
    public static final String ENDED = "FLASH_SALE_ENDED";
    /** The buyer already holds as many units as one user may (409). */
    public static final String PURCHASE_LIMIT = "PURCHASE_LIMIT";
    /** No ticket of that number for this buyer in this activity. */
    public static final String TICKET_NOT_FOUND = "TICKET_NOT_FOUND";
    /** The buyer's address book has no default address, and the purchase named none. */
    public static final String NO_SHIPPING_ADDRESS = "NO_SHIPPING_ADDRESS";

    /** The accepted buy could not be handed to the queue; it was undone, the buyer may retry (503). */
    public static final String QUEUE_UNAVAILABLE = "FLASH_SALE_QUEUE_UNAVAILABLE";

    /** Operators paused flash sales (order-service's switch {@code flash-sales-open}); nothing was bought (503). */
    public static final String PAUSED = "FLASH_SALE_PAUSED";

    private FlashSaleErrors() {}
}
