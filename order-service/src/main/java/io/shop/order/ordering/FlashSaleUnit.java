package io.shop.order.ordering;

/** The flash-sale ticket an order was made for: one unit of the activity. */
public record FlashSaleUnit(long activityId, String ticket) {}
