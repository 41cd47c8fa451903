package io.shop.order.ordering;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shop.api.order.OrderPaymentState;
import io.shop.api.user.ShippingAddressSnapshot;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Orders in the sharded tables. Every statement names {@code user_id} or {@code order_no}, so
 * ShardingSphere sends it to the one table that holds the order.
 */
@Repository
class OrderRepository {

    private static final String COLUMNS =
            "order_no, user_id, address_id, shipping_address, status, payment_id, created_at, flash_sale_id,"
                    + " flash_sale_ticket";

    private static final String PAYMENT_STATE = "order_no, status, payment_id, total_cents, updated_at";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    OrderRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A new order, to be paid before {@code payBy}. */
    void insert(Order order, String idempotencyKey, String requestHash, Instant payBy) {
        Timestamp now = Timestamp.from(order.createdAt());
        jdbc.sql("INSERT INTO t_order (order_no, user_id, address_id, shipping_address, status, total_cents,"
                        + " idempotency_key, request_hash, created_at, updated_at, pay_by, flash_sale_id,"
                        + " flash_sale_ticket) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        order.orderNo(),
                        order.userId(),
                        order.addressId(),
                        toJson(order.shippingAddress()),
                        order.status().name(),
                        order.totalCents(),
                        idempotencyKey,
                        requestHash,
                        now,
                        now,
                        Timestamp.from(payBy),
                        order.fromFlashSale() ? order.flashSale().activityId() : null,
                        order.fromFlashSale() ? order.flashSale().ticket() : null)
                .update();
        for (OrderLine line : order.lines()) {
            jdbc.sql("INSERT INTO t_order_item (line_id, order_no, user_id, sku_id, product_id, title, specs,"
                            + " unit_price_cents, quantity) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            order.orderNo() + ":" + line.skuId(),
                            order.orderNo(),
                            order.userId(),
                            line.skuId(),
                            line.productId(),
                            line.title(),
                            line.specs(),
                            line.unitPriceCents(),
                            line.quantity())
                    .update();
        }
    }

    Optional<Order> find(String orderNo) {
        return one(jdbc.sql("SELECT " + COLUMNS + " FROM t_order WHERE order_no = ?")
                .param(orderNo));
    }

    Optional<Order> findOfUser(long userId, String orderNo) {
        return one(jdbc.sql("SELECT " + COLUMNS + " FROM t_order WHERE order_no = ? AND user_id = ?")
                .params(orderNo, userId));
    }

    /**
     * The order, locked: inside a global transaction Seata also waits for any other global
     * transaction that holds it, so the state read is one that was committed globally.
     */
    Optional<Order> findForUpdate(String orderNo) {
        return one(jdbc.sql("SELECT " + COLUMNS + " FROM t_order WHERE order_no = ? FOR UPDATE")
                .param(orderNo));
    }

    /** The order placed with this idempotency key, locked (see {@link #findForUpdate}). */
    Optional<Placement> findByIdempotencyKey(long userId, String idempotencyKey) {
        return jdbc.sql("SELECT order_no, request_hash FROM t_order WHERE user_id = ? AND idempotency_key = ?"
                        + " FOR UPDATE")
                .params(userId, idempotencyKey)
                .query((rs, n) -> new Placement(rs.getString("order_no"), rs.getString("request_hash")))
                .optional();
    }

    /** The user's orders, newest first. */
    List<Order> page(long userId, int page, int size) {
        List<Row> rows = jdbc.sql("SELECT " + COLUMNS + " FROM t_order WHERE user_id = ? ORDER BY order_no DESC"
                        + " LIMIT ? OFFSET ?")
                .params(userId, size, (long) page * size)
                .query(this::row)
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<OrderLine>> lines = jdbc
                .sql("SELECT order_no, sku_id, product_id, title, specs, unit_price_cents, quantity FROM t_order_item"
                        + " WHERE user_id = :userId AND order_no IN (:orderNos) ORDER BY line_id")
                .param("userId", userId)
                .param("orderNos", rows.stream().map(Row::orderNo).toList())
                .query((rs, n) -> Map.entry(rs.getString("order_no"), line(rs)))
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return rows.stream()
                .map(row -> row.order(lines.getOrDefault(row.orderNo(), List.of())))
                .toList();
    }

    long count(long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM t_order WHERE user_id = ?")
                .param(userId)
                .query(Long.class)
                .single();
    }

    /**
     * Orders of every table still CREATED whose payment deadline was before {@code cutoff}, earliest
     * deadline first, from the one after {@code after} on (a statement without {@code user_id} or
     * {@code order_no} values goes to every table; the index on {@code (status, pay_by)} keeps each
     * part short).
     */
    List<Overdue> unpaidDueBefore(Instant cutoff, Overdue after, int limit) {
        return jdbc.sql("SELECT order_no, pay_by FROM t_order WHERE status = 'CREATED' AND pay_by < ?"
                        + " AND (pay_by > ? OR (pay_by = ? AND order_no > ?))"
                        + " ORDER BY pay_by, order_no LIMIT ?")
                .params(
                        Timestamp.from(cutoff),
                        Timestamp.from(after.payBy()),
                        Timestamp.from(after.payBy()),
                        after.orderNo(),
                        limit)
                .query((rs, n) -> new Overdue(
                        rs.getString("order_no"), rs.getTimestamp("pay_by").toInstant()))
                .list();
    }

    /** The payment state of these orders; a statement by order numbers goes to the tables that hold them. */
    List<OrderPaymentState> paymentStatesOf(List<String> orderNos) {
        if (orderNos.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + PAYMENT_STATE + " FROM t_order WHERE order_no IN (:orderNos)")
                .param("orderNos", orderNos)
                .query(OrderRepository::paymentState)
                .list();
    }

    /** Orders of every table placed in {@code [from, to)} that were paid, oldest first. */
    List<OrderPaymentState> paidPlacedBetween(Instant from, Instant to, int limit) {
        return jdbc.sql("SELECT " + PAYMENT_STATE + " FROM t_order WHERE created_at >= ? AND created_at < ?"
                        + " AND status IN ('PAID', 'SHIPPED', 'COMPLETED', 'REFUNDED') ORDER BY created_at, order_no"
                        + " LIMIT ?")
                .params(Timestamp.from(from), Timestamp.from(to), limit)
                .query(OrderRepository::paymentState)
                .list();
    }

    private static OrderPaymentState paymentState(ResultSet rs, int n) throws SQLException {
        return new OrderPaymentState(
                rs.getString("order_no"),
                rs.getString("status"),
                rs.getString("payment_id"),
                rs.getLong("total_cents"),
                rs.getTimestamp("updated_at").toInstant());
    }

    /** Every order made for an activity's tickets (a statement without user or order goes to every table). */
    List<FlashSaleOrder> ofFlashSale(long activityId) {
        return jdbc.sql("SELECT order_no, user_id, flash_sale_ticket, status FROM t_order WHERE flash_sale_id = ?")
                .param(activityId)
                .query((rs, n) -> new FlashSaleOrder(
                        rs.getString("order_no"),
                        rs.getLong("user_id"),
                        rs.getString("flash_sale_ticket"),
                        rs.getString("status")))
                .list();
    }

    /** Moves the order on only if it is still in {@code from}; false when someone else moved it first. */
    boolean transition(Order from, Order to) {
        return jdbc.sql("UPDATE t_order SET status = ?, payment_id = ?, updated_at = ? WHERE order_no = ?"
                                + " AND user_id = ? AND status = ?")
                        .params(
                                to.status().name(),
                                to.paymentId(),
                                Timestamp.from(Instant.now()),
                                to.orderNo(),
                                to.userId(),
                                from.status().name())
                        .update()
                == 1;
    }

    private Optional<Order> one(JdbcClient.StatementSpec query) {
        return query.query(this::row).optional().map(row -> row.order(lines(row.orderNo())));
    }

    private List<OrderLine> lines(String orderNo) {
        return jdbc.sql("SELECT sku_id, product_id, title, specs, unit_price_cents, quantity FROM t_order_item"
                        + " WHERE order_no = ? ORDER BY line_id")
                .param(orderNo)
                .query((rs, n) -> line(rs))
                .list();
    }

    private static OrderLine line(ResultSet rs) throws SQLException {
        return new OrderLine(
                rs.getLong("sku_id"),
                rs.getLong("product_id"),
                rs.getString("title"),
                rs.getString("specs"),
                rs.getLong("unit_price_cents"),
                rs.getInt("quantity"));
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getString("order_no"),
                rs.getLong("user_id"),
                rs.getLong("address_id"),
                fromJson(rs.getString("shipping_address")),
                OrderStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("payment_id"),
                rs.getObject("flash_sale_id") == null
                        ? null
                        : new FlashSaleUnit(rs.getLong("flash_sale_id"), rs.getString("flash_sale_ticket")));
    }

    private String toJson(ShippingAddressSnapshot address) {
        try {
            return json.writeValueAsString(address);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the shipping address as JSON", e);
        }
    }

    private ShippingAddressSnapshot fromJson(String address) {
        if (address == null) {
            return null; // placed before orders kept their address
        }
        try {
            return json.readValue(address, ShippingAddressSnapshot.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("malformed shipping address " + address, e);
        }
    }

    /** Which order an idempotency key produced, and for which request. */
    record Placement(String orderNo, String requestHash) {}

    /** An unpaid order the sweeper looks at; {@link #NONE} comes before every order. */
    record Overdue(String orderNo, Instant payBy) {
        static final Overdue NONE = new Overdue("", Instant.EPOCH);
    }

    private record Row(
            String orderNo,
            long userId,
            long addressId,
            ShippingAddressSnapshot shippingAddress,
            OrderStatus status,
            Instant createdAt,
            String paymentId,
            FlashSaleUnit flashSale) {
        Order order(List<OrderLine> lines) {
            return new Order(
                    orderNo, userId, addressId, shippingAddress, status, lines, createdAt, paymentId, flashSale);
        }
    }
}
