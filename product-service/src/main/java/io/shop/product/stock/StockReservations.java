package io.shop.product.stock;

import io.shop.api.ShopException;
import io.shop.api.product.ProductErrors;
import io.shop.api.product.ReserveStockCommand;
import io.shop.api.product.ReserveStockCommand.StockLine;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stock taken for orders, remembered per order so it is given back exactly once. Stock changes are
 * conditional updates ({@code stock >= ?}), so stock never goes below zero however many orders race.
 * Inside a caller's Seata global transaction these run as an AT branch: a rollback of the global
 * transaction restores both the stock and the reservation rows.
 *
 * <p>Every row a branch writes is locked first with {@code SELECT ... FOR UPDATE}, which under
 * Seata waits for the row's global lock while holding its database lock. The branch's registration
 * at commit then never meets a held global lock. That matters beyond waiting: the Seata server
 * (2.0.0, file store) leaks the global locks a branch took after the conflicting one when a
 * registration of a non-autocommit branch fails, and a reservation row left locked that way could
 * never be released again.
 */
@Service
public class StockReservations {

    private final JdbcClient jdbc;

    StockReservations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public void reserve(ReserveStockCommand command) {
        List<StockLine> existing = jdbc.sql("SELECT sku_id, quantity FROM stock_reservation WHERE order_no = ?")
                .param(command.orderNo())
                .query(StockLine.class)
                .list();
        if (!existing.isEmpty()) {
            if (Set.copyOf(existing).equals(Set.copyOf(command.lines()))) {
                return;
            }
            throw ShopException.conflict(
                    ProductErrors.RESERVATION_CONFLICT, "order " + command.orderNo() + " reserved other lines");
        }
        Set<Long> onShelf = onShelf(command.lines());
        lockSkus(command.lines().stream().map(StockLine::skuId).toList());
        // a fixed order, so two orders for the same SKUs never wait on each other's row locks
        for (StockLine line : command.lines().stream()
                .sorted(Comparator.comparingLong(StockLine::skuId))
                .toList()) {
            if (!onShelf.contains(line.skuId())) {
                throw ShopException.conflict(
                        ProductErrors.PRODUCT_OFF_SHELF, "SKU " + line.skuId() + " is not on sale");
            }
            if (jdbc.sql("UPDATE sku SET stock = stock - ? WHERE id = ? AND stock >= ?")
                            .params(line.quantity(), line.skuId(), line.quantity())
                            .update()
                    == 0) {
                throw ShopException.conflict(
                        ProductErrors.OUT_OF_STOCK,
                        "not enough stock of SKU " + line.skuId() + " for order " + command.orderNo());
            }
            jdbc.sql("INSERT INTO stock_reservation (order_no, sku_id, quantity, status) VALUES (?, ?, ?, ?)")
                    .params(command.orderNo(), line.skuId(), line.quantity(), Status.RESERVED.name())
                    .update();
        }
    }

    /** True when this call gave the order's stock back; false when there was nothing to give. */
    @Transactional
    public boolean release(String orderNo) {
        return giveBack(orderNo, Status.RESERVED, Status.RELEASED);
    }

    /** True when this call put a paid (confirmed) order's stock back on sale. */
    @Transactional
    public boolean returnToStock(String orderNo) {
        return giveBack(orderNo, Status.CONFIRMED, Status.RETURNED);
    }

    private boolean giveBack(String orderNo, Status from, Status to) {
        List<Reserved> reserved = jdbc.sql("SELECT id, sku_id, quantity FROM stock_reservation"
                        + " WHERE order_no = ? AND status = ? ORDER BY sku_id FOR UPDATE")
                .params(orderNo, from.name())
                .query(Reserved.class)
                .list();
        if (!reserved.isEmpty()) {
            lockSkus(reserved.stream().map(Reserved::skuId).toList());
        }
        for (Reserved r : reserved) {
            jdbc.sql("UPDATE stock_reservation SET status = ? WHERE id = ?")
                    .params(to.name(), r.id())
                    .update();
            jdbc.sql("UPDATE sku SET stock = stock + ? WHERE id = ?")
                    .params(r.quantity(), r.skuId())
                    .update();
        }
        return !reserved.isEmpty();
    }

    @Transactional
    public void confirm(String orderNo) {
        jdbc.sql("SELECT id FROM stock_reservation WHERE order_no = ? AND status = ? ORDER BY id FOR UPDATE")
                .params(orderNo, Status.RESERVED.name())
                .query(Long.class)
                .list();
        jdbc.sql("UPDATE stock_reservation SET status = ? WHERE order_no = ? AND status = ?")
                .params(Status.CONFIRMED.name(), orderNo, Status.RESERVED.name())
                .update();
    }

    /** In id order, so two orders for the same SKUs never wait on each other's locks. */
    private void lockSkus(List<Long> skuIds) {
        jdbc.sql("SELECT id FROM sku WHERE id IN (:ids) ORDER BY id FOR UPDATE")
                .param("ids", skuIds)
                .query(Long.class)
                .list();
    }

    private Set<Long> onShelf(List<StockLine> lines) {
        List<Long> skuIds = lines.stream().map(StockLine::skuId).toList();
        List<SkuState> states = jdbc.sql("SELECT s.id, p.on_shelf FROM sku s JOIN product p ON p.id = s.product_id"
                        + " WHERE s.id IN (:ids)")
                .param("ids", skuIds)
                .query(SkuState.class)
                .list();
        Set<Long> known = states.stream().map(SkuState::id).collect(Collectors.toSet());
        skuIds.stream().filter(id -> !known.contains(id)).findFirst().ifPresent(id -> {
            throw ShopException.notFound(ProductErrors.SKU_NOT_FOUND, "no SKU " + id);
        });
        return states.stream().filter(SkuState::onShelf).map(SkuState::id).collect(Collectors.toSet());
    }

    enum Status {
        RESERVED,
        RELEASED,
        CONFIRMED,
        RETURNED
    }

    record Reserved(long id, long skuId, int quantity) {}

    record SkuState(long id, boolean onShelf) {}
}
