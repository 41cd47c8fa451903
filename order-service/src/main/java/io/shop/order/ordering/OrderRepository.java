package io.shop.order.ordering;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OrderRepository {

    private final JdbcClient jdbc;

    OrderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Order order) {
        jdbc.sql("INSERT INTO t_order (order_no, user_id, status, total_cents) VALUES (?, ?, ?, ?)")
                .params(order.orderNo(), order.userId(), order.status().name(), order.totalCents())
                .update();
        for (OrderLine line : order.lines()) {
            jdbc.sql("INSERT INTO t_order_item (order_no, product_id, product_name, unit_price_cents, quantity)"
                            + " VALUES (?, ?, ?, ?, ?)")
                    .params(
                            order.orderNo(),
                            line.productId(),
                            line.productName(),
                            line.unitPriceCents(),
                            line.quantity())
                    .update();
        }
    }

    Optional<Order> find(long userId, String orderNo) {
        return jdbc.sql("SELECT status FROM t_order WHERE order_no = ? AND user_id = ?")
                .params(orderNo, userId)
                .query(String.class)
                .optional()
                .map(status -> new Order(orderNo, userId, OrderStatus.valueOf(status), lines(orderNo)));
    }

    private List<OrderLine> lines(String orderNo) {
        return jdbc.sql("SELECT product_id, product_name, unit_price_cents, quantity FROM t_order_item"
                        + " WHERE order_no = ? ORDER BY id")
                .param(orderNo)
                .query(OrderLine.class)
                .list();
    }
}
