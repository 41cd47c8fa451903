package io.shop.order.ordering;

import io.shop.api.order.OrderView;
import java.util.List;

/** One page of a customer's orders, newest first. */
record OrderPage(List<OrderView> items, int page, int size, long total) {}
