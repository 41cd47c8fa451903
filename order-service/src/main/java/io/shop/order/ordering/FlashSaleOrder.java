package io.shop.order.ordering;

/** An order made for a flash-sale ticket, as reconciliation sees it. */
public record FlashSaleOrder(String orderNo, long userId, String ticket, String status) {

    /** Whether the order still holds its unit: a cancelled order gave it back to the activity. */
    public boolean holdsUnit() {
        return !OrderStatus.CANCELLED.name().equals(status);
    }
}
