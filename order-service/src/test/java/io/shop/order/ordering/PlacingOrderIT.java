package io.shop.order.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shop.api.ShopException;
import io.shop.api.order.OrderErrors;
import io.shop.api.order.OrderService;
import io.shop.api.order.OrderView;
import io.shop.api.order.PlaceOrderCommand;
import io.shop.api.order.PlaceOrderCommand.Line;
import io.shop.api.product.ProductErrors;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.seata.tm.api.GlobalTransaction;
import org.apache.seata.tm.api.GlobalTransactionContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.ActiveProfiles;

/**
 * Placing an order against the running product-service (found through the registry, called over
 * Dubbo triple) and the Seata server: order rows in shop_order, stock in shop_product, both kept or
 * both undone.
 */
@SpringBootTest
@ActiveProfiles("it")
class PlacingOrderIT {

    static final JdbcClient productDb =
            JdbcClient.create(new DriverManagerDataSource("jdbc:mariadb://127.0.0.1:3306/shop_product", "root", ""));

    final long userId = ThreadLocalRandom.current().nextLong(1, 1_000_000);

    @Autowired
    OrderService orders;

    @Autowired
    JdbcClient orderDb;

    @Test
    void placedOrderKeepsItsRowsAndTheReservedStockTogether() {
        long tea = newProduct("Green Tea", 850, 5);
        long cup = newProduct("Tea Cup", 1299, 3);

        OrderView order = orders.placeOrder(new PlaceOrderCommand(userId, List.of(new Line(tea, 2), new Line(cup, 1))));

        assertThat(order.totalCents()).isEqualTo(2 * 850 + 1299);
        assertThat(order.status()).isEqualTo("CREATED");
        assertThat(orderRows(order.orderNo())).isEqualTo(1);
        assertThat(itemRows(order.orderNo())).isEqualTo(2);
        assertThat(stockOf(tea)).isEqualTo(3);
        assertThat(stockOf(cup)).isEqualTo(2);
        assertThat(orders.getOrder(userId, order.orderNo())).isEqualTo(order);
    }

    @Test
    void outOfStockUndoesTheOrderRowsAlreadyWritten() {
        long tea = newProduct("White Tea", 990, 5);
        long cup = newProduct("Glass Cup", 1500, 1);
        int ordersBefore = ordersOf(userId);

        assertThatThrownBy(() ->
                        orders.placeOrder(new PlaceOrderCommand(userId, List.of(new Line(tea, 1), new Line(cup, 2)))))
                .isInstanceOfSatisfying(
                        ShopException.class, e -> assertThat(e.code()).isEqualTo(ProductErrors.OUT_OF_STOCK));

        assertThat(ordersOf(userId)).isEqualTo(ordersBefore);
        assertThat(stockOf(tea)).isEqualTo(5);
        assertThat(stockOf(cup)).isEqualTo(1);
    }

    @Test
    void failureAfterTheReservationRollsBackBothDatabases() throws Exception {
        long tea = newProduct("Oolong", 1200, 4);

        // a caller's own global transaction that fails after the order was placed
        GlobalTransaction callersTransaction = GlobalTransactionContext.getCurrentOrCreate();
        callersTransaction.begin(30_000, "checkout-that-fails");
        String orderNo;
        try {
            orderNo = orders.placeOrder(new PlaceOrderCommand(userId, List.of(new Line(tea, 3))))
                    .orderNo();
            assertThat(orderRows(orderNo)).isEqualTo(1);
            assertThat(stockOf(tea)).isEqualTo(1);
        } finally {
            callersTransaction.rollback();
        }

        assertThat(orderRows(orderNo)).isZero();
        assertThat(itemRows(orderNo)).isZero();
        assertThat(stockOf(tea)).isEqualTo(4);
    }

    @Test
    void anotherUsersOrderIsNotFound() {
        long tea = newProduct("Black Tea", 700, 2);
        OrderView order = orders.placeOrder(new PlaceOrderCommand(userId, List.of(new Line(tea, 1))));

        assertThatThrownBy(() -> orders.getOrder(userId + 1, order.orderNo()))
                .isInstanceOfSatisfying(
                        ShopException.class, e -> assertThat(e.code()).isEqualTo(OrderErrors.ORDER_NOT_FOUND));
    }

    private long newProduct(String name, long priceCents, int stock) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        productDb
                .sql("INSERT INTO product (name, price_cents, stock) VALUES (?, ?, ?)")
                .params(name, priceCents, stock)
                .update(keys);
        return keys.getKeyAs(Number.class).longValue();
    }

    private int stockOf(long productId) {
        return productDb
                .sql("SELECT stock FROM product WHERE id = ?")
                .param(productId)
                .query(Integer.class)
                .single();
    }

    private int orderRows(String orderNo) {
        return count("SELECT COUNT(*) FROM t_order WHERE order_no = ?", orderNo);
    }

    private int itemRows(String orderNo) {
        return count("SELECT COUNT(*) FROM t_order_item WHERE order_no = ?", orderNo);
    }

    private int ordersOf(long user) {
        return count("SELECT COUNT(*) FROM t_order WHERE user_id = ?", user);
    }

    private int count(String sql, Object param) {
        return orderDb.sql(sql).param(param).query(Integer.class).single();
    }
}
